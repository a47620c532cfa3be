package io.tokenwarden.members;

import io.tokenwarden.agencies.Role;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Failed sign-ins lock the account and throttle the address; what the login page says never tells
 * whether the account exists. The buckets live in the database (shared by every instance).
 */
class SignInProtectionTests extends TeamTestSupport {

	@Test
	void fiveFailuresThenTheAccountIsLockedEvenForTheRightPasswordUntilFifteenMinutesPass() throws Exception {
		Agency agency = agencyWithAdmin("Lockout Agency");
		Person target = memberOf(agency, Role.VIEWER, "target");
		Visitor attacker = new Visitor(this.mvc, uniqueAddress());
		for (int i = 0; i < 5; i++) {
			assertThat(attacker.signIn(target.email(), "guess number " + i)).isEqualTo(BASE + "/login?error");
		}

		Visitor owner = new Visitor(this.mvc, uniqueAddress());
		assertThat(owner.signIn(target.email(), GOOD_PASSWORD)).isEqualTo(BASE + "/login?locked");
		String page = owner.perform(get("/login?locked")).getResponse().getContentAsString();
		assertThat(page).contains("Too many failed sign-ins");
		assertThat(owner.perform(get("/config/accounts")).getResponse().getRedirectedUrl()).endsWith("/login");

		this.clock.advance(Duration.ofMinutes(14));
		assertThat(owner.signIn(target.email(), GOOD_PASSWORD)).isEqualTo(BASE + "/login?locked");
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(owner.signIn(target.email(), GOOD_PASSWORD)).isEqualTo(BASE + "/config/accounts");
		assertThat(count("select count(*) from sign_in_bucket where id like 'account:%'")).isPositive();
	}

	@Test
	void unknownEmailThenTheSameAnswersAsAWrongPasswordFailureAfterFailure() throws Exception {
		Agency agency = agencyWithAdmin("Same Answer Agency");
		Person real = memberOf(agency, Role.VIEWER, "real");
		String nobody = uniqueEmail("nobody");
		Visitor first = new Visitor(this.mvc, uniqueAddress());
		Visitor second = new Visitor(this.mvc, uniqueAddress());
		List<String> forReal = new ArrayList<>();
		List<String> forNobody = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			forReal.add(first.signIn(real.email(), "wrong " + i));
			forNobody.add(second.signIn(nobody, "wrong " + i));
		}

		assertThat(forNobody).isEqualTo(forReal);
		assertThat(forReal.subList(0, 5)).containsOnly(BASE + "/login?error");
		assertThat(forReal.subList(5, 7)).containsOnly(BASE + "/login?locked");
	}

	@Test
	void unknownEmailAndWrongPasswordThenBothCostAPasswordCheck() throws Exception {
		Agency agency = agencyWithAdmin("Timing Agency");
		Person real = memberOf(agency, Role.VIEWER, "timed");
		// warm-up, and each account well within its tries
		new Visitor(this.mvc, uniqueAddress()).signIn(uniqueEmail("warm"), "x");
		List<Long> wrongPassword = new ArrayList<>();
		List<Long> unknownEmail = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			wrongPassword.add(timeOfFailedSignIn(real.email()));
			unknownEmail.add(timeOfFailedSignIn(uniqueEmail("ghost")));
		}

		// a BCrypt check takes tens of milliseconds; an unknown email answered without one would take a fraction
		assertThat(median(unknownEmail)).isGreaterThan(median(wrongPassword) / 2);
	}

	@Test
	void oneAddressWhenItFailsFiftyTimesOverManyAccountsThenItWaitsButOtherAddressesSignInAtOnce() throws Exception {
		Agency agency = agencyWithAdmin("Address Agency");
		Person member = memberOf(agency, Role.VIEWER, "member");
		Visitor sprayer = new Visitor(this.mvc, uniqueAddress());
		for (int i = 0; i < 50; i++) {
			// a new email each time: no account reaches its own five
			assertThat(sprayer.signIn(uniqueEmail("spray"), "password " + i)).isEqualTo(BASE + "/login?error");
		}

		assertThat(sprayer.signIn(member.email(), GOOD_PASSWORD)).isEqualTo(BASE + "/login?locked");
		assertThat(new Visitor(this.mvc, uniqueAddress()).signIn(member.email(), GOOD_PASSWORD))
			.isEqualTo(BASE + "/config/accounts");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(sprayer.signIn(member.email(), GOOD_PASSWORD)).isEqualTo(BASE + "/config/accounts");
	}

	@Test
	void signInWhileAnotherAccountIsLockedThenNotSlowedAndFailuresAreForgottenOnSuccess() throws Exception {
		Agency agency = agencyWithAdmin("Neighbour Agency");
		Person locked = memberOf(agency, Role.VIEWER, "locked");
		Person neighbour = memberOf(agency, Role.VIEWER, "neighbour");
		String address = uniqueAddress();
		for (int i = 0; i < 5; i++) {
			new Visitor(this.mvc, address).signIn(locked.email(), "nope " + i);
		}
		for (int i = 0; i < 4; i++) {
			new Visitor(this.mvc, address).signIn(neighbour.email(), "typo " + i);
		}

		assertThat(new Visitor(this.mvc, address).signIn(neighbour.email(), GOOD_PASSWORD)).isEqualTo(BASE + "/config/accounts");
		// the success forgot the neighbour's four failures: four more do not lock it
		for (int i = 0; i < 4; i++) {
			new Visitor(this.mvc, uniqueAddress()).signIn(neighbour.email(), "typo again " + i);
		}
		assertThat(new Visitor(this.mvc, uniqueAddress()).signIn(neighbour.email(), GOOD_PASSWORD))
			.isEqualTo(BASE + "/config/accounts");
		assertThat(new Visitor(this.mvc, uniqueAddress()).signIn(locked.email(), GOOD_PASSWORD)).isEqualTo(BASE + "/login?locked");
		MvcResult lastSignIn = signedIn(neighbour.email()).perform(get("/config/accounts"));
		assertThat(lastSignIn.getResponse().getStatus()).isEqualTo(200);
		assertThat(this.directory.findPerson(neighbour.email()).orElseThrow().lastSignInAt()).isNotNull();
	}

	private long timeOfFailedSignIn(String email) throws Exception {
		Visitor visitor = new Visitor(this.mvc, uniqueAddress());
		long start = System.nanoTime();
		assertThat(visitor.signIn(email, "definitely wrong")).isEqualTo(BASE + "/login?error");
		return System.nanoTime() - start;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

}
