package io.tokenwarden.health;

import io.tokenwarden.health.PublisherImitation.Answer;
import io.tokenwarden.notifications.Notices;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.AppInstance;
import io.tokenwarden.testsupport.Together;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one database (a second application context on the same embedded
 * server, publishers and mail server) run a round, then a send round, at the same time.
 */
class TwoInstancesTests extends HealthTestSupport {

	@Test
	void roundsWhenTwoInstancesRunAtTheSameTimeThenEachTokenIsCheckedOnceAndEachEmailSentOnce() throws Exception {
		List<TestAccount> valid = new ArrayList<>();
		List<TestAccount> expired = new ArrayList<>();
		for (int i = 0; i < 420; i++) {
			valid.add(account(Publisher.FACEBOOK, Answer.valid()));
		}
		for (int i = 0; i < 12; i++) {
			expired.add(account(i % 3 == 0 ? Publisher.X : Publisher.FACEBOOK, Answer.refused(460)));
		}
		// more valid X tokens than refused ones, so that the refusals are users', not an outage-401 storm
		for (int i = 0; i < 5; i++) {
			valid.add(account(Publisher.X, Answer.valid()));
		}
		List<TestAccount> all = new ArrayList<>(valid);
		all.addAll(expired);
		all.forEach(this::due);
		// each batch takes a moment, so that one instance cannot be done before the other has started
		publishers.stubFor(post(urlPathEqualTo("/v25.0/")).atPriority(1)
			.willReturn(aResponse().withFixedDelay(250).withTransformers(PublisherImitation.NAME)));

		try (ConfigurableApplicationContext second = secondInstance()) {
			HealthChecks otherChecks = second.getBean(HealthChecks.class);
			Notices otherNotices = second.getBean(Notices.class);

			List<Integer> checked = Together.run(this.checks::runRound, otherChecks::runRound);

			assertThat(checked).as("both instances checked tokens").allSatisfy(n -> assertThat(n).isPositive());
			for (TestAccount account : all) {
				assertThat(imitation.inspections(account.token())).as("inspections of %s", account.name()).isEqualTo(1);
				assertThat(checkOutcomes(account)).as("checks of %s", account.name()).hasSize(1);
			}

			Together.run(() -> this.notices.sendDueNow().emailsSent(), () -> otherNotices.sendDueNow().emailsSent());

			for (TestAccount account : expired) {
				assertThat(status(account)).isEqualTo("EXPIRED");
				assertThat(mailTo(account.owner())).as("emails to %s", account.owner()).hasSize(1);
			}
			valid.forEach(account -> assertThat(mailTo(account.owner())).isEmpty());
		}
	}

	/**
	 * The application once more, as another instance would run it: same data directory (so the same
	 * embedded database server), same publishers, mail server and clock, its own web server.
	 */
	private ConfigurableApplicationContext secondInstance() {
		List<String> arguments = new ArrayList<>();
		properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
		arguments.add("--server.port=0");
		return AppInstance.start(
				context -> context.registerBean("sharedTestClock", Clock.class, () -> this.clock, d -> d.setPrimary(true)),
				arguments.toArray(new String[0]));
	}

}
