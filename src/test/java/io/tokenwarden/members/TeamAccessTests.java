package io.tokenwarden.members;

import io.tokenwarden.agencies.Role;
import io.tokenwarden.testsupport.FlashMessages;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Who may manage the team, and how a change reaches the sessions people have open. */
class TeamAccessTests extends TeamTestSupport {

	@Test
	void lastAdminWhenDemotedOrRemovedThenRefusedWithAMessageAndStillAdmin() throws Exception {
		Agency agency = agencyWithAdmin("Last Admin Agency");
		Visitor admin = signedIn(agency.adminEmail());

		MvcResult demote = admin.perform(post("/config/members/" + agency.adminId() + "/role").param("role", "VIEWER").with(csrf()));
		MvcResult remove = admin.perform(post("/config/members/" + agency.adminId() + "/remove").with(csrf()));

		assertThat(FlashMessages.error(demote)).isEqualTo("members.lastAdmin");
		assertThat(FlashMessages.error(remove)).isEqualTo("members.lastAdmin");
		assertThat(this.directory.roleOf(agency.id(), agency.adminId())).contains(Role.ADMIN);
		String page = admin.perform(get("/config/members")).getResponse().getContentAsString();
		assertThat(page).contains(agency.adminEmail());
	}

	@Test
	void secondAdminThenTheFirstMayStepDownAndLandsOnAccounts() throws Exception {
		Agency agency = agencyWithAdmin("Two Admins Agency");
		memberOf(agency, Role.ADMIN, "second-admin");
		Visitor admin = signedIn(agency.adminEmail());

		MvcResult stepDown = admin.perform(post("/config/members/" + agency.adminId() + "/role").param("role", "MANAGER").with(csrf()));

		assertThat(stepDown.getResponse().getRedirectedUrl()).isEqualTo(BASE + "/config/accounts");
		assertThat(this.directory.roleOf(agency.id(), agency.adminId())).contains(Role.MANAGER);
		assertThat(admin.perform(get("/config/members")).getResponse().getStatus()).isEqualTo(403);
		assertThat(count("select count(*) from audit_event where action = 'member_role_changed' and agency_id = ?",
				agency.id())).isOne();
	}

	@Test
	void roleChangeWhenTheRoleIsUnknownThenAMessageAndNothingChanges() throws Exception {
		Agency agency = agencyWithAdmin("Bad Role Agency");
		Person viewer = memberOf(agency, Role.VIEWER, "viewer");
		Visitor admin = signedIn(agency.adminEmail());

		MvcResult result = admin.perform(post("/config/members/" + viewer.id() + "/role").param("role", "SUPERUSER").with(csrf()));

		assertThat(FlashMessages.error(result)).isEqualTo("members.invite.badRole");
		assertThat(this.directory.roleOf(agency.id(), viewer.id())).contains(Role.VIEWER);
	}

	@Test
	void userIdOfAnotherAgencyThen404AndNothingChanges() throws Exception {
		Agency mine = agencyWithAdmin("My Agency");
		Agency theirs = agencyWithAdmin("Their Agency");
		Person stranger = memberOf(theirs, Role.VIEWER, "stranger");
		Visitor admin = signedIn(mine.adminEmail());

		assertThat(admin.perform(post("/config/members/" + stranger.id() + "/role").param("role", "ADMIN").with(csrf()))
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(admin.perform(post("/config/members/" + stranger.id() + "/remove").with(csrf()))
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(admin.perform(post("/config/members/999999999/remove").with(csrf())).getResponse().getStatus())
			.isEqualTo(404);
		long theirInvitation = invitationOf(theirs);
		assertThat(admin.perform(post("/config/members/invitations/" + theirInvitation + "/revoke").with(csrf()))
			.getResponse().getStatus()).isEqualTo(404);

		assertThat(this.directory.roleOf(theirs.id(), stranger.id())).contains(Role.VIEWER);
		assertThat(count("select count(*) from invitation where id = ? and revoked_at is null", theirInvitation)).isOne();
	}

	@Test
	void viewerAndManagerThen403OnTheMembersPageAndEveryTeamOrAdminAction() throws Exception {
		Agency agency = agencyWithAdmin("Lower Roles Agency");
		Person viewer = memberOf(agency, Role.VIEWER, "viewer");
		Person manager = memberOf(agency, Role.MANAGER, "manager");
		long invitation = invitationOf(agency);
		for (Person person : List.of(viewer, manager)) {
			Visitor visitor = signedIn(person.email());
			List<MockHttpServletRequestBuilder> requests = List.of(get("/config/members"),
					post("/config/members/invitations").param("email", uniqueEmail("x")).param("role", "ADMIN"),
					post("/config/members/invitations/" + invitation + "/revoke"),
					post("/config/members/" + agency.adminId() + "/role").param("role", "VIEWER"),
					post("/config/members/" + agency.adminId() + "/remove"), get("/admin/agencies"),
					post("/admin/agencies").param("name", unique("Sneaky")).param("adminEmail", person.email()),
					post("/admin/installation-admins").param("email", person.email()),
					post("/admin/installation-admins/" + agency.adminId() + "/remove"));
			for (MockHttpServletRequestBuilder request : requests) {
				assertThat(visitor.perform(request.with(csrf())).getResponse().getStatus()).as(person.email())
					.isEqualTo(403);
			}
		}
		assertThat(this.directory.roleOf(agency.id(), agency.adminId())).contains(Role.ADMIN);
		assertThat(count("select count(*) from invitation where id = ? and revoked_at is null", invitation)).isOne();
		assertThat(this.directory.findPerson(viewer.email()).orElseThrow().installationAdmin()).isFalse();
	}

	@Test
	void agencyAdminWhoIsNoInstallationAdminThen403OnAdmin() throws Exception {
		Agency agency = agencyWithAdmin("Not Installation Agency");
		Visitor admin = signedIn(agency.adminEmail());

		assertThat(admin.perform(get("/admin/agencies")).getResponse().getStatus()).isEqualTo(403);
		assertThat(admin.perform(post("/admin/agencies").param("name", unique("Nope")).param("adminEmail", agency.adminEmail())
			.with(csrf())).getResponse().getStatus()).isEqualTo(403);
		assertThat(new Visitor(this.mvc, uniqueAddress()).perform(get("/admin/agencies")).getResponse().getRedirectedUrl())
			.endsWith("/login");
	}

	@Test
	void postWithoutTheCsrfTokenThen403AndNothingChanges() throws Exception {
		Agency agency = agencyWithAdmin("Csrf Agency");
		Person viewer = memberOf(agency, Role.VIEWER, "viewer");
		Visitor admin = signedIn(agency.adminEmail());
		long invitations = count("select count(*) from invitation");

		List<MockHttpServletRequestBuilder> requests = List.of(
				post("/config/members/invitations").param("email", uniqueEmail("x")).param("role", "VIEWER"),
				post("/config/members/" + viewer.id() + "/role").param("role", "ADMIN"),
				post("/config/members/" + viewer.id() + "/remove"),
				post("/password/forgot").param("email", viewer.email()),
				post("/account/password").param("currentPassword", GOOD_PASSWORD).param("newPassword", "a brand new passphrase"),
				post("/admin/agencies").param("name", unique("Csrf")).param("adminEmail", viewer.email()),
				post("/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").param("password", GOOD_PASSWORD),
				post("/password/reset/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").param("password", GOOD_PASSWORD));
		for (MockHttpServletRequestBuilder request : requests) {
			assertThat(admin.perform(request).getResponse().getStatus()).isEqualTo(403);
		}
		assertThat(admin.perform(post("/config/members/" + viewer.id() + "/remove").with(csrf().useInvalidToken()))
			.getResponse().getStatus()).isEqualTo(403);

		assertThat(count("select count(*) from invitation")).isEqualTo(invitations);
		assertThat(this.directory.roleOf(agency.id(), viewer.id())).contains(Role.VIEWER);
		assertThat(this.resetWorker.held()).isZero();
		assertThat(this.directory.passwordMatches(agency.adminId(), GOOD_PASSWORD)).isTrue();
	}

	@Test
	void changeAndRemovalThenTheMembersOpenSessionFollowsOnItsNextRequest() throws Exception {
		Agency agency = agencyWithAdmin("Open Session Agency");
		Person viewer = memberOf(agency, Role.VIEWER, "open");
		Visitor viewerSession = signedIn(viewer.email());
		assertThat(viewerSession.perform(get("/config/members")).getResponse().getStatus()).isEqualTo(403);
		Visitor admin = signedIn(agency.adminEmail());

		admin.perform(post("/config/members/" + viewer.id() + "/role").param("role", "ADMIN").with(csrf()));
		assertThat(viewerSession.perform(get("/config/members")).getResponse().getStatus()).isEqualTo(200);

		admin.perform(post("/config/members/" + viewer.id() + "/role").param("role", "MANAGER").with(csrf()));
		assertThat(viewerSession.perform(get("/config/members")).getResponse().getStatus()).isEqualTo(403);

		MvcResult removed = admin.perform(post("/config/members/" + viewer.id() + "/remove").with(csrf()));
		assertThat(FlashMessages.success(removed)).isEqualTo("members.removed");
		MvcResult next = viewerSession.perform(get("/config/accounts"));

		assertThat(next.getResponse().getStatus()).isEqualTo(403);
		assertThat(next.getResponse().getContentAsString()).contains("You are not a member of any agency")
			.doesNotContain(agency.name());
		assertThat(count("select count(*) from audit_event where action = 'member_removed' and detail = ?", viewer.email()))
			.isOne();
	}

	private long invitationOf(Agency agency) throws Exception {
		String email = uniqueEmail("pending");
		signedIn(agency.adminEmail()).perform(post("/config/members/invitations").param("email", email)
			.param("role", "VIEWER").with(csrf()));
		return this.jdbc.sql("select id from invitation where email = ?").param(email).query(Long.class).single();
	}

}
