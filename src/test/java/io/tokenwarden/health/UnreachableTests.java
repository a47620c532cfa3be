package io.tokenwarden.health;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.tokenwarden.health.PublisherImitation.Answer;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.WebSession;
import io.tokenwarden.web.Formats;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publisher that cannot be reached says nothing about a token: no status changes and no "expired"
 * email, a publisher-wide incident with its banner while many accounts fail together, and a single
 * "can't reach" notice only for one account that stays unverified for long.
 */
class UnreachableTests extends HealthTestSupport {

	private static final String INCIDENT_BANNER = "Facebook can't be reached since %s; tokens are not being verified right now. No action is needed.";

	@Autowired
	Formats formats;

	@Test
	void roundsWhenFacebookIsDownThenNoEmailNoStatusChangeAndAnIncidentBannerThatGoesWhenItIsBack() throws Exception {
		long agencyId = agencyOfDemoAdmin();
		List<TestAccount> mine = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			mine.add(account(Publisher.FACEBOOK, Answer.valid(), agencyName(agencyId)));
		}
		TestAccount passwordChanged = account(Publisher.FACEBOOK, Answer.refused(460), agencyName(agencyId));
		mine.add(passwordChanged);
		StubMapping outage = publishers.stubFor(post(urlPathEqualTo("/v25.0/")).atPriority(1)
			.willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));

		mine.forEach(this::due);
		this.checks.runRound();

		PublisherIncident incident = facebookIncident();
		assertThat(incident).as("an incident is open").isNotNull();
		String banner = INCIDENT_BANNER.formatted(this.formats.dateTime(incident.openedAt()));
		assertThat(page(session("admin@demo.test").inAgency(agencyId), "/config/accounts")).contains(banner);
		assertThat(page(session("viewer@demo.test"), "/config/accounts")).as("another agency's page").contains(banner);

		// second round: the connection is reset now
		publishers.removeStub(outage);
		outage = publishers.stubFor(post(urlPathEqualTo("/v25.0/")).atPriority(1)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		this.clock.advance(Duration.ofMinutes(6));
		mine.forEach(this::due);
		this.checks.runRound();
		this.notices.sendDueNow();

		assertThat(facebookIncident()).isEqualTo(incident);
		for (TestAccount account : mine) {
			assertThat(status(account)).isEqualTo("VALID");
			assertThat(noticeKinds(account.owner())).isEmpty();
			assertThat(checkOutcomes(account)).isNotEmpty().containsOnly("UNREACHABLE");
		}
		assertThat(page(session("admin@demo.test").inAgency(agencyId), "/config/accounts/" + passwordChanged.id()))
			.contains(banner);

		// Facebook answers again: the next probe closes the incident, and the next round sees the real expiry
		publishers.removeStub(outage);
		this.clock.advance(Duration.ofMinutes(6));
		mine.forEach(this::due);
		this.checks.runRound();
		assertThat(facebookIncident()).isNull();
		assertThat(page(session("admin@demo.test").inAgency(agencyId), "/config/accounts")).doesNotContain("can't be reached");
		this.checks.runRound();
		this.notices.sendDueNow();

		assertThat(status(passwordChanged)).isEqualTo("EXPIRED");
		assertThat(mailTo(passwordChanged.owner())).hasSize(1);
		for (TestAccount account : mine.subList(0, 5)) {
			assertThat(status(account)).isEqualTo("VALID");
			assertThat(checkOutcomes(account)).last().isEqualTo("VALID");
			assertThat(mailTo(account.owner())).isEmpty();
		}
	}

	@Test
	void roundsWhenMostXTokensGet401AtOnceThenHeldAsAnOutageAndWhenXIsBackOnlyTheRevokedTokenExpires() throws Exception {
		List<TestAccount> xs = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			xs.add(account(Publisher.X, Answer.valid()));
		}
		// the outage-401 storm (docs/publishers.md, "X errors"): every signed /2/users/me refused at once
		StubMapping storm = publishers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/2/users/me"))
			.atPriority(1)
			.willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
				.withBody("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")));

		xs.forEach(this::due);
		this.checks.runRound();
		this.notices.sendDueNow();

		assertThat(this.checks.openIncidents()).anyMatch(incident -> incident.publisher() == Publisher.X);
		for (TestAccount account : xs) {
			assertThat(status(account)).isEqualTo("VALID");
			assertThat(checkOutcomes(account)).containsOnly("UNREACHABLE");
			assertThat(noticeKinds(account.owner())).isEmpty();
		}

		// X answers again: the probe closes the incident; then one user's revocation is what it is
		publishers.removeStub(storm);
		this.clock.advance(Duration.ofMinutes(6));
		xs.forEach(this::due);
		this.checks.runRound();
		assertThat(this.checks.openIncidents()).noneMatch(incident -> incident.publisher() == Publisher.X);
		TestAccount revoked = xs.get(0);
		imitation.answer(revoked.token(), Answer.refused(0));
		this.clock.advance(Duration.ofHours(2));
		xs.forEach(this::due);
		this.checks.runRound();
		this.notices.sendDueNow();

		assertThat(status(revoked)).isEqualTo("EXPIRED");
		assertThat(mailTo(revoked.owner())).hasSize(1);
		xs.subList(1, xs.size()).forEach(account -> assertThat(status(account)).isEqualTo("VALID"));
	}

	@Test
	void roundWhenOneAccountGetsA503ThenNothingChangesAndNothingIsSent() throws Exception {
		TestAccount facebook = account(Publisher.FACEBOOK, Answer.serverError());
		TestAccount x = account(Publisher.X, Answer.serverError());
		due(facebook, x);

		this.checks.runRound();
		this.notices.sendDueNow();

		for (TestAccount account : List.of(facebook, x)) {
			assertThat(status(account)).isEqualTo("VALID");
			assertThat(checkOutcomes(account)).containsExactly("UNREACHABLE");
			assertThat(noticeKinds(account.owner())).isEmpty();
			assertThat(mailTo(account.owner())).isEmpty();
		}
		assertThat(this.checks.openIncidents()).isEmpty();
	}

	@Test
	void roundsWhenOneAccountStaysUnreachableLongerThanTheNoticeDelayThenOneCantReachEmailThatNeverSaysExpired()
			throws Exception {
		TestAccount account = account(Publisher.FACEBOOK, Answer.serverError());
		checkAndSend(account);

		this.clock.advance(Duration.ofHours(12));
		checkAndSend(account);
		assertThat(mailTo(account.owner())).as("unverified for 12 hours").isEmpty();

		this.clock.advance(Duration.ofHours(12).plusMinutes(1));
		checkAndSend(account);
		this.clock.advance(Duration.ofHours(1));
		checkAndSend(account);
		this.clock.advance(Duration.ofDays(2));
		checkAndSend(account);

		List<MimeMessage> mails = mailTo(account.owner());
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getSubject()).isEqualTo("We can't reach Facebook to verify your account token; no action is needed yet");
		assertThat(text(mail)).contains("We can't reach Facebook to verify your token; no action is needed yet")
			.contains("Facebook Account Id: " + account.externalId());
		assertThat(mail.getSubject() + text(mail) + html(mail)).doesNotContainIgnoringCase("expired");
		assertThat(status(account)).isEqualTo("VALID");
		assertThat(noticeKinds(account.owner())).containsExactly("UNREACHABLE");
	}

	@Test
	void roundsWhenFacebookStaysDownThenTheBreakerOpensOneProbeGoesOutPerIntervalAndTheFirstAnswerClosesAll() {
		List<TestAccount> mine = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			mine.add(account(Publisher.FACEBOOK, Answer.valid()));
		}
		StubMapping outage = publishers.stubFor(post(urlPathEqualTo("/v25.0/")).atPriority(1)
			.willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
		mine.forEach(this::due);
		this.checks.runRound();
		assertThat(facebookIncident()).isNotNull();

		// three probe intervals, three failed probes: one request each
		for (int probe = 1; probe <= 3; probe++) {
			long before = batchRequests();
			this.clock.advance(Duration.ofMinutes(6));
			mine.forEach(this::due);
			this.checks.runRound();
			assertThat(batchRequests()).as("probe %d", probe).isEqualTo(before + 1);
		}
		assertThat(breaker()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(facebookIncident()).isNotNull();

		// the probe interval has not passed: nothing goes out
		long before = batchRequests();
		this.clock.advance(Duration.ofMinutes(2));
		this.checks.runRound();
		assertThat(batchRequests()).isEqualTo(before);

		publishers.removeStub(outage);
		this.clock.advance(Duration.ofMinutes(4));
		this.checks.runRound();

		assertThat(facebookIncident()).isNull();
		assertThat(breaker()).isEqualTo(CircuitBreaker.State.CLOSED);
		mine.forEach(this::due);
		this.checks.runRound();
		mine.forEach(account -> assertThat(checkOutcomes(account)).last().isEqualTo("VALID"));
		mine.forEach(account -> assertThat(status(account)).isEqualTo("VALID"));
	}

	@Test
	void roundsWhenAnswersAreThrottledOrRefusedThenTheBreakerStaysClosedAndNoIncidentOpens() {
		List<TestAccount> mine = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			mine.add(account(Publisher.FACEBOOK, Answer.throttledFor(1)));
			mine.add(account(Publisher.FACEBOOK, Answer.refused(463)));
		}
		for (int round = 0; round < 4; round++) {
			mine.forEach(this::due);
			this.checks.runRound();
		}

		assertThat(breaker()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(facebookIncident()).isNull();
	}

	private CircuitBreaker.State breaker() {
		return this.round.breaker(Publisher.FACEBOOK).getState();
	}

	private long batchRequests() {
		return publishers.countRequestsMatching(postRequestedFor(urlPathEqualTo("/v25.0/")).build()).getCount();
	}

	private void checkAndSend(TestAccount account) {
		due(account);
		this.checks.runRound();
		this.notices.sendDueNow();
	}

	private PublisherIncident facebookIncident() {
		return this.checks.openIncidents().stream().filter(i -> i.publisher() == Publisher.FACEBOOK).findFirst()
			.orElse(null);
	}

}
