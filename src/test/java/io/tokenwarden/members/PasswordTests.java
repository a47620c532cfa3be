package io.tokenwarden.members;

import io.tokenwarden.agencies.Role;
import io.tokenwarden.testsupport.FlashMessages;
import io.tokenwarden.testsupport.StatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Forgotten passwords, the reset link, and changing one's own password, with the demo off. */
class PasswordTests extends TeamTestSupport {

	@Test
	void forgotWhenTheAddressBelongsToNobodyThenTheSameAnswerAndTheSameWorkOnTheRequest() throws Exception {
		Agency agency = agencyWithAdmin("Forgot Agency");
		Person known = memberOf(agency, Role.VIEWER, "forgetful");
		String unknown = uniqueEmail("stranger");
		Visitor visitor = new Visitor(this.mvc, uniqueAddress());
		visitor.perform(get("/password/forgot"));

		long before = StatementCounter.count();
		MvcResult forKnown = visitor.perform(post("/password/forgot").param("email", known.email()).with(csrf()));
		long knownStatements = StatementCounter.count() - before;
		before = StatementCounter.count();
		MvcResult forUnknown = visitor.perform(post("/password/forgot").param("email", unknown).with(csrf()));
		long unknownStatements = StatementCounter.count() - before;

		assertThat(forUnknown.getResponse().getStatus()).isEqualTo(forKnown.getResponse().getStatus()).isEqualTo(302);
		assertThat(forUnknown.getResponse().getRedirectedUrl()).isEqualTo(forKnown.getResponse().getRedirectedUrl());
		assertThat((Object) forUnknown.getFlashMap()).isEqualTo(forKnown.getFlashMap());
		// the address is not even looked up while the person waits: that happens in the background
		assertThat(unknownStatements).isEqualTo(knownStatements);
		assertThat(this.resetWorker.held()).isEqualTo(2);

		this.resetWorker.runAll();
		this.notices.sendDueNow();
		assertThat(smtp.messagesTo(known.email())).hasSize(1);
		assertThat(smtp.messagesTo(unknown)).isEmpty();
		assertThat(count("select count(*) from link_notice where recipient = ?", unknown)).isZero();
	}

	@Test
	void resetThroughTheLinkThenTheNewPasswordWorksTheOldDoesNotAndEverySessionEnds() throws Exception {
		Agency agency = agencyWithAdmin("Reset Agency");
		Person person = memberOf(agency, Role.VIEWER, "resetter");
		Visitor laptop = signedIn(person.email());
		Visitor phone = signedIn(person.email());
		String link = requestReset(person.email());
		Visitor browser = new Visitor(this.mvc, uniqueAddress());
		assertThat(browser.perform(get(link)).getResponse().getContentAsString()).contains(person.email());

		MvcResult weak = browser.perform(post(link).param("password", person.email()).with(csrf()));
		assertThat(weak.getResponse().getStatus()).isEqualTo(422);
		assertThat(weak.getResponse().getContentAsString()).contains("must not be your email address");
		String tooShort = browser.perform(post(link).param("password", "too short").with(csrf()))
			.getResponse()
			.getContentAsString();
		assertThat(tooShort).containsOnlyOnce("The password needs at least 12 characters.").doesNotContain("at least null");

		MvcResult reset = browser.perform(post(link).param("password", "a fresh start at last").with(csrf()));

		assertThat(reset.getResponse().getRedirectedUrl()).isEqualTo(BASE + "/login");
		assertThat(FlashMessages.success(reset)).isEqualTo("password.reset.done");
		assertThat(laptop.perform(get("/config/accounts")).getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(phone.perform(get("/config/accounts")).getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(new Visitor(this.mvc, uniqueAddress()).signIn(person.email(), GOOD_PASSWORD)).isEqualTo(BASE + "/login?error");
		assertThat(new Visitor(this.mvc, uniqueAddress()).signIn(person.email(), "a fresh start at last"))
			.isEqualTo(BASE + "/config/accounts");
		assertThat(browser.perform(get(link)).getResponse().getStatus()).as("single use").isEqualTo(404);
		assertThat(count("select count(*) from audit_event where action = 'password_reset' and actor = ?", person.email()))
			.isOne();
	}

	@Test
	void resetLinkAfterThirtyMinutesThenNoLongerWorks() throws Exception {
		Person person = memberOf(agencyWithAdmin("Slow Agency"), Role.VIEWER, "slow");
		String link = requestReset(person.email());

		this.clock.advance(Duration.ofMinutes(30).plusSeconds(1));
		MvcResult late = new Visitor(this.mvc, uniqueAddress()).perform(post(link).param("password", "too late for this one")
			.with(csrf()));

		assertThat(late.getResponse().getStatus()).isEqualTo(404);
		assertThat(late.getResponse().getContentAsString()).contains("This link no longer works");
		assertThat(this.directory.passwordMatches(person.id(), GOOD_PASSWORD)).isTrue();
	}

	@Test
	void resetAskedForAgainThenOnlyTheNewestLinkWorks() throws Exception {
		Person person = memberOf(agencyWithAdmin("Twice Agency"), Role.VIEWER, "twice");
		String first = requestReset(person.email());
		this.clock.advance(Duration.ofMinutes(2));

		String second = requestReset(person.email());

		Visitor visitor = new Visitor(this.mvc, uniqueAddress());
		assertThat(visitor.perform(get(first)).getResponse().getStatus()).isEqualTo(404);
		assertThat(visitor.perform(get(second)).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void resetWhenTheAccountWasLockedThenTheLockEnds() throws Exception {
		Person person = memberOf(agencyWithAdmin("Unlock Agency"), Role.VIEWER, "unlock");
		for (int i = 0; i < 5; i++) {
			new Visitor(this.mvc, uniqueAddress()).signIn(person.email(), "attacker guess " + i);
		}
		String link = requestReset(person.email());

		new Visitor(this.mvc, uniqueAddress()).perform(post(link).param("password", "owner is back in charge").with(csrf()));

		assertThat(new Visitor(this.mvc, uniqueAddress()).signIn(person.email(), "owner is back in charge"))
			.isEqualTo(BASE + "/config/accounts");
	}

	@Test
	void changePasswordThenOtherSessionsEndAndThisOneGoesOn() throws Exception {
		Person person = memberOf(agencyWithAdmin("Change Agency"), Role.VIEWER, "changer");
		Visitor here = signedIn(person.email());
		Visitor elsewhere = signedIn(person.email());
		assertThat(here.perform(get("/account/password")).getResponse().getContentAsString()).contains("Change your password");

		MvcResult wrongCurrent = here.perform(post("/account/password").param("currentPassword", "not it at all")
			.param("newPassword", "brand new passphrase").with(csrf()));
		MvcResult common = here.perform(post("/account/password").param("currentPassword", GOOD_PASSWORD)
			.param("newPassword", "qwerty123456").with(csrf()));
		assertThat(wrongCurrent.getResponse().getStatus()).isEqualTo(422);
		assertThat(wrongCurrent.getResponse().getContentAsString()).contains("current password is not right");
		assertThat(common.getResponse().getContentAsString()).contains("most common passwords");
		assertThat(elsewhere.perform(get("/config/accounts")).getResponse().getStatus()).isEqualTo(200);

		MvcResult changed = here.perform(post("/account/password").param("currentPassword", GOOD_PASSWORD)
			.param("newPassword", "brand new passphrase").with(csrf()));

		assertThat(FlashMessages.success(changed)).isEqualTo("password.change.doneSignedOut");
		assertThat(here.perform(get("/config/accounts")).getResponse().getStatus()).isEqualTo(200);
		assertThat(elsewhere.perform(get("/config/accounts")).getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(this.directory.passwordMatches(person.id(), "brand new passphrase")).isTrue();
	}

	@Test
	void changePasswordWhenSignedOutThenTheLoginPage() throws Exception {
		MvcResult anonymous = new Visitor(this.mvc, uniqueAddress()).perform(get("/account/password"));

		assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
	}

	private String requestReset(String email) throws Exception {
		new Visitor(this.mvc, uniqueAddress()).perform(post("/password/forgot").param("email", email).with(csrf()));
		this.resetWorker.runAll();
		String link = linkSentTo(email);
		assertThat(link).startsWith("/password/reset/");
		return link;
	}

}
