package io.tokenwarden.publishers.http;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tokenwarden.publishers.PublisherSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The shared HTTP plumbing: allowlist, no redirects, faults as answers, bodies kept out of toString. */
class PublisherHttpTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private RestClient client() {
		URI allowed = URI.create(server.baseUrl() + "/v25.0");
		PublisherSettings settings = new PublisherSettings(Duration.ofSeconds(2), Duration.ofSeconds(5),
				new PublisherSettings.Facebook(allowed), new PublisherSettings.X(allowed, allowed, null, null));
		return PublisherHttp.restClient(RestClient.builder(), settings, List.of(allowed));
	}

	@Test
	void exchangeWhenHostOrPortIsNotConfiguredThenRefusedBeforeConnecting() {
		int port = server.getPort();
		for (String url : List.of("http://127.0.0.1:" + port + "/x", "http://localhost:" + (port + 1) + "/x",
				"https://localhost:" + port + "/x", "http://169.254.169.254/latest/meta-data/")) {
			HttpAnswer answer = PublisherHttp.exchange(client().get().uri(URI.create(url)));

			assertThat(answer.fault()).as(url).isEqualTo(HttpAnswer.Fault.HOST_NOT_ALLOWED);
		}
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void exchangeWhenRedirectedThenTheRedirectIsTheAnswer() {
		server.stubFor(get(urlPathEqualTo("/moved")).willReturn(aResponse().withStatus(302)
			.withHeader("Location", server.baseUrl() + "/elsewhere")));

		HttpAnswer answer = PublisherHttp.exchange(client().get().uri(URI.create(server.baseUrl() + "/moved")));

		assertThat(answer.isRedirect()).isTrue();
		assertThat(server.getAllServeEvents()).hasSize(1);
	}

	@Test
	void exchangeWhenTheConnectionBreaksThenAFaultNotAnException() {
		for (Fault fault : List.of(Fault.CONNECTION_RESET_BY_PEER, Fault.EMPTY_RESPONSE, Fault.MALFORMED_RESPONSE_CHUNK,
				Fault.RANDOM_DATA_THEN_CLOSE)) {
			server.stubFor(get(urlPathEqualTo("/broken")).willReturn(aResponse().withFault(fault)));

			HttpAnswer answer = PublisherHttp.exchange(client().get().uri(URI.create(server.baseUrl() + "/broken")));

			assertThat(answer.fault()).as(fault.name()).isEqualTo(HttpAnswer.Fault.CONNECTION_FAILED);
		}
	}

	@Test
	void toStringWhenBodyHoldsATokenThenOnlyTheStatus() {
		HttpAnswer answer = HttpAnswer.of(200, null, "{\"access_token\":\"EAAJ5xSIMULATED\"}");

		assertThat(answer.toString()).isEqualTo("HttpAnswer[200]");
	}

}
