package io.tokenwarden.members;

import io.tokenwarden.agencies.Role;
import io.tokenwarden.testsupport.FlashMessages;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Invitations with the demo off: sent through the outbox, accepted once, expired, replaced, refused. */
class InvitationTests extends TeamTestSupport {

	@Test
	void inviteThenTheEmailLinksToAPageNamingTheAgencyAndRoleAndANewPersonJoinsAndIsSignedIn() throws Exception {
		Agency agency = agencyWithAdmin("Invite Agency");
		Visitor admin = signedIn(agency.adminEmail());
		String invitee = uniqueEmail("new");

		MvcResult sent = admin.perform(post("/config/members/invitations").param("email", invitee.toUpperCase())
			.param("role", "VIEWER").with(csrf()));
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo(BASE + "/config/members");
		assertThat(FlashMessages.success(sent)).isEqualTo("members.invite.sent");

		String link = linkSentTo(invitee);
		assertThat(link).startsWith("/invitations/");
		Visitor newcomer = new Visitor(this.mvc, uniqueAddress());
		MvcResult opened = newcomer.perform(get(link));
		assertThat(opened.getResponse().getHeader("Referrer-Policy")).as("the token stays on this page").isEqualTo("no-referrer");
		String page = opened.getResponse().getContentAsString();
		assertThat(page).contains(agency.name(), "Viewer", agency.adminEmail(), "name=\"displayName\"")
			.doesNotContain(link.substring("/invitations/".length()));

		MvcResult accepted = newcomer.perform(post(link).param("displayName", "Nora Newcomer")
			.param("password", GOOD_PASSWORD).with(csrf()));

		assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo(BASE + "/config/accounts");
		assertThat(this.directory.membershipsOf(invitee)).singleElement()
			.satisfies(m -> assertThat(m.role()).isEqualTo(Role.VIEWER));
		String accounts = newcomer.perform(get("/config/accounts")).getResponse().getContentAsString();
		assertThat(accounts).contains(agency.name());
		assertThat(count("select count(*) from audit_event where action = 'invitation_accepted' and actor = ?", invitee))
			.isOne();
	}

	@Test
	void linkWhenUsedExpiredOrUnknownThenOneAndTheSamePage() throws Exception {
		Agency agency = agencyWithAdmin("Link Agency");
		Visitor admin = signedIn(agency.adminEmail());
		String used = uniqueEmail("used");
		String expired = uniqueEmail("expired");
		invite(admin, used, "MANAGER");
		invite(admin, expired, "VIEWER");
		String usedLink = linkSentTo(used);
		String expiredLink = linkSentTo(expired);
		Visitor visitor = new Visitor(this.mvc, uniqueAddress());
		visitor.perform(post(usedLink).param("displayName", "Ulla Used").param("password", GOOD_PASSWORD).with(csrf()));

		this.clock.advance(Duration.ofDays(7).plusMinutes(1));
		String afterUse = new Visitor(this.mvc, uniqueAddress()).perform(get(usedLink)).getResponse().getContentAsString();
		MvcResult afterExpiry = new Visitor(this.mvc, uniqueAddress()).perform(get(expiredLink));
		MvcResult unknown = new Visitor(this.mvc, uniqueAddress())
			.perform(get("/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
		MvcResult garbage = new Visitor(this.mvc, uniqueAddress()).perform(get("/invitations/not-a-token"));

		assertThat(afterExpiry.getResponse().getStatus()).isEqualTo(404);
		assertThat(afterExpiry.getResponse().getContentAsString()).contains("This link no longer works")
			.isEqualTo(afterUse)
			.isEqualTo(unknown.getResponse().getContentAsString())
			.isEqualTo(garbage.getResponse().getContentAsString());
		MvcResult lateAccept = new Visitor(this.mvc, uniqueAddress())
			.perform(post(expiredLink).param("displayName", "Eli Late").param("password", GOOD_PASSWORD).with(csrf()));
		assertThat(lateAccept.getResponse().getStatus()).isEqualTo(404);
		assertThat(this.directory.findPerson(expired)).isEmpty();
	}

	@Test
	void inviteWhenSmtpIsDownThenTheInvitationWaitsAndGoesOutWhenItIsBack() throws Exception {
		Agency agency = agencyWithAdmin("Outage Agency");
		Visitor admin = signedIn(agency.adminEmail());
		String invitee = uniqueEmail("patient");
		smtp.stop();
		invite(admin, invitee, "VIEWER");
		this.notices.sendDueNow();
		assertThat(status(invitee)).isEqualTo("FAILED");
		assertThat(admin.perform(get("/config/members")).getResponse().getContentAsString())
			.contains(invitee, "Not sent yet, retrying");

		smtp.start();
		this.clock.advance(Duration.ofMinutes(2));
		String link = linkSentTo(invitee);

		assertThat(status(invitee)).isEqualTo("SENT");
		assertThat(new Visitor(this.mvc, uniqueAddress()).perform(get(link)).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void databaseThenHoldsOnlyTheHashOfTheLinksToken() throws Exception {
		Agency agency = agencyWithAdmin("Hash Agency");
		String invitee = uniqueEmail("hashed");
		invite(signedIn(agency.adminEmail()), invitee, "VIEWER");
		String token = linkSentTo(invitee).substring("/invitations/".length());

		long invitationId = this.jdbc.sql("select id from invitation where email = ?").param(invitee).query(Long.class).single();
		byte[] stored = this.jdbc.sql("select token_hash from link_token where purpose = 'INVITATION' and subject_id = ?")
			.param(invitationId)
			.query(byte[].class)
			.single();
		assertThat(stored).isEqualTo(java.security.MessageDigest.getInstance("SHA-256")
			.digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
		String everything = this.jdbc.sql("select string_agg(i::text, ' ') from invitation i").query(String.class).single()
				+ this.jdbc.sql("select string_agg(l::text, ' ') from link_notice l").query(String.class).single()
				+ this.jdbc.sql("select string_agg(a::text, ' ') from audit_event a").query(String.class).single();
		assertThat(everything).doesNotContain(token);
	}

	@Test
	void inviteWhenTheAddressIsAMemberOrTheRoleIsUnknownThenAMessageAndNothingChanges() throws Exception {
		Agency agency = agencyWithAdmin("Refusing Agency");
		Person viewer = memberOf(agency, Role.VIEWER, "member");
		Visitor admin = signedIn(agency.adminEmail());
		long invitations = count("select count(*) from invitation");
		long mails = count("select count(*) from link_notice");

		MvcResult member = admin.perform(post("/config/members/invitations").param("email", viewer.email())
			.param("role", "ADMIN").with(csrf()));
		MvcResult badRole = admin.perform(post("/config/members/invitations").param("email", uniqueEmail("someone"))
			.param("role", "OWNER").with(csrf()));
		MvcResult badEmail = admin.perform(post("/config/members/invitations").param("email", "not an address")
			.param("role", "VIEWER").with(csrf()));

		assertThat(FlashMessages.error(member)).isEqualTo("members.invite.alreadyMember");
		assertThat(FlashMessages.error(badRole)).isEqualTo("members.invite.badRole");
		assertThat(FlashMessages.error(badEmail)).isEqualTo("members.invite.badEmail");
		assertThat(count("select count(*) from invitation")).isEqualTo(invitations);
		assertThat(count("select count(*) from link_notice")).isEqualTo(mails);
		assertThat(this.directory.roleOf(agency.id(), viewer.id())).contains(Role.VIEWER);
	}

	@Test
	void inviteAgainThenTheEarlierLinkStopsWorkingAndRevokingKillsTheNewOne() throws Exception {
		Agency agency = agencyWithAdmin("Again Agency");
		Visitor admin = signedIn(agency.adminEmail());
		String invitee = uniqueEmail("twice");
		invite(admin, invitee, "VIEWER");
		String first = linkSentTo(invitee);

		MvcResult again = invite(admin, invitee, "MANAGER");
		String second = linkSentTo(invitee);

		assertThat(FlashMessages.success(again)).isEqualTo("members.invite.replaced");
		assertThat(second).isNotEqualTo(first);
		Visitor visitor = new Visitor(this.mvc, uniqueAddress());
		assertThat(visitor.perform(get(first)).getResponse().getStatus()).isEqualTo(404);
		assertThat(visitor.perform(get(second)).getResponse().getContentAsString()).contains("Manager");
		long id = this.jdbc.sql("select id from invitation where email = ? and revoked_at is null").param(invitee)
			.query(Long.class).single();

		admin.perform(post("/config/members/invitations/" + id + "/revoke").with(csrf()));

		assertThat(visitor.perform(get(second)).getResponse().getStatus()).isEqualTo(404);
		assertThat(count("select count(*) from audit_event where action = 'invitation_revoked' and detail = ?", invitee))
			.isOne();
	}

	@Test
	void acceptWhenThePersonAlreadySignsInThenTheirPasswordAddsTheMembership() throws Exception {
		Agency home = agencyWithAdmin("Home Agency");
		Person someone = memberOf(home, Role.VIEWER, "existing");
		Agency other = agencyWithAdmin("Second Agency");
		invite(signedIn(other.adminEmail()), someone.email(), "MANAGER");
		String link = linkSentTo(someone.email());
		Visitor visitor = new Visitor(this.mvc, uniqueAddress());
		assertThat(visitor.perform(get(link)).getResponse().getContentAsString()).contains("Sign in and accept")
			.doesNotContain("name=\"displayName\"");

		MvcResult wrong = visitor.perform(post(link).param("password", "not their password").with(csrf()));
		assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
		assertThat(this.directory.roleOf(other.id(), someone.id())).isEmpty();

		MvcResult right = visitor.perform(post(link).param("password", GOOD_PASSWORD).with(csrf()));

		assertThat(right.getResponse().getRedirectedUrl()).isEqualTo(BASE + "/config/accounts");
		assertThat(this.directory.roleOf(other.id(), someone.id())).contains(Role.MANAGER);
		assertThat(this.directory.roleOf(home.id(), someone.id())).contains(Role.VIEWER);
		assertThat(visitor.perform(get("/config/accounts")).getResponse().getContentAsString()).contains(other.name());
	}

	@Test
	void acceptWhenThePasswordBreaksThePolicyThenTheFormAgainAndTheLinkStillWorks() throws Exception {
		Agency agency = agencyWithAdmin("Policy Agency");
		String invitee = uniqueEmail("weak");
		invite(signedIn(agency.adminEmail()), invitee, "VIEWER");
		String link = linkSentTo(invitee);
		Visitor visitor = new Visitor(this.mvc, uniqueAddress());

		MvcResult weak = visitor.perform(post(link).param("displayName", "Wes Weak").param("password", "password1234")
			.with(csrf()));

		assertThat(weak.getResponse().getStatus()).isEqualTo(422);
		assertThat(weak.getResponse().getContentAsString()).contains("most common passwords");
		assertThat(this.directory.findPerson(invitee)).isEmpty();
		assertThat(visitor.perform(get(link)).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void inviteThenTheEmailHasARandomMessageIdAtTheBaseUrlsHostTheOneStoredWithIt() throws Exception {
		Agency agency = agencyWithAdmin("Message-ID Agency");
		String invitee = uniqueEmail("mid");
		invite(signedIn(agency.adminEmail()), invitee, "VIEWER");

		linkSentTo(invitee);

		String messageId = smtp.messagesTo(invitee).get(0).getMessageID();
		// random: the notice's id alone, the same at every installation, must not make it
		assertThat(messageId).matches("<[0-9a-f-]{36}@localhost>");
		assertThat(this.jdbc.sql("select message_id from link_notice where recipient = ?").param(invitee)
			.query(String.class).single()).isEqualTo(messageId);
	}

	private MvcResult invite(Visitor admin, String email, String role) throws Exception {
		return admin.perform(post("/config/members/invitations").param("email", email).param("role", role).with(csrf()));
	}

	private String status(String recipient) {
		return this.jdbc.sql("select status from link_notice where recipient = ? order by id desc limit 1")
			.param(recipient)
			.query(String.class)
			.single();
	}

}
