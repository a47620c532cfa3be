package io.tokenwarden.members;

import io.tokenwarden.agencies.Role;
import io.tokenwarden.testsupport.FlashMessages;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Installation admins: the bootstrap admin creates agencies and names other installation admins. */
class AdminAgenciesTests extends TeamTestSupport {

	@Test
	void bootstrapAdminThenAnInstallationAdminWhoSeesEveryAgencyWithItsCounts() throws Exception {
		Agency agency = agencyWithAdmin("Counted Agency");
		memberOf(agency, Role.VIEWER, "counted");
		Visitor boss = signedInBoss();

		String page = boss.perform(get("/admin/agencies")).getResponse().getContentAsString();

		assertThat(this.directory.findPerson(BOSS).orElseThrow().installationAdmin()).isTrue();
		assertThat(page).contains("Bootstrap Agency", agency.name(), BOSS);
		assertThat(page).containsPattern("data-name=\"" + agency.name() + "\">\\s*<td>[^<]+</td>\\s*"
				+ "<td class=\"text-end members-count\">2</td>\\s*<td class=\"text-end\">1</td>\\s*"
				+ "<td class=\"text-end accounts-count\">0</td>");
	}

	@Test
	void createAgencyThenItsFirstAdminIsInvitedAndNothingElseWhenTheInputIsBad() throws Exception {
		Visitor boss = signedInBoss();
		String name = unique("Fresh Agency");
		String firstAdmin = uniqueEmail("first");

		MvcResult created = boss.perform(post("/admin/agencies").param("name", "  " + name + " ")
			.param("adminEmail", firstAdmin).with(csrf()));

		assertThat(FlashMessages.success(created)).isEqualTo("admin.agencies.created");
		long agencyId = this.directory.findAgency(name).orElseThrow();
		String link = linkSentTo(firstAdmin);
		assertThat(new Visitor(this.mvc, uniqueAddress()).perform(get(link)).getResponse().getContentAsString())
			.contains(name, "Admin");
		assertThat(count("select count(*) from audit_event where action = 'agency_created' and agency_id = ?", agencyId)).isOne();

		long agencies = count("select count(*) from agency");
		MvcResult taken = boss.perform(post("/admin/agencies").param("name", name).param("adminEmail", uniqueEmail("x")).with(csrf()));
		MvcResult noName = boss.perform(post("/admin/agencies").param("name", " ").param("adminEmail", uniqueEmail("x")).with(csrf()));
		MvcResult badEmail = boss.perform(post("/admin/agencies").param("name", unique("Other")).param("adminEmail", "nope").with(csrf()));
		assertThat(FlashMessages.error(taken)).isEqualTo("admin.agencies.nameTaken");
		assertThat(FlashMessages.error(noName)).isEqualTo("admin.agencies.badName");
		assertThat(FlashMessages.error(badEmail)).isEqualTo("members.invite.badEmail");
		assertThat(count("select count(*) from agency")).isEqualTo(agencies);
	}

	@Test
	void installationAdminsThenOneMakesAnotherWhoMayThenCreateAgenciesAndTheLastCannotLeave() throws Exception {
		Agency agency = agencyWithAdmin("Helper Agency");
		Visitor boss = signedInBoss();
		Visitor helper = signedIn(agency.adminEmail());
		assertThat(helper.perform(get("/admin/agencies")).getResponse().getStatus()).isEqualTo(403);

		MvcResult granted = boss.perform(post("/admin/installation-admins").param("email", agency.adminEmail()).with(csrf()));
		MvcResult nobody = boss.perform(post("/admin/installation-admins").param("email", uniqueEmail("ghost")).with(csrf()));

		assertThat(FlashMessages.success(granted)).isEqualTo("admin.installationAdmins.granted");
		assertThat(FlashMessages.error(nobody)).isEqualTo("admin.installationAdmins.noSuchPerson");
		assertThat(helper.perform(get("/admin/agencies")).getResponse().getStatus()).as("at the next request").isEqualTo(200);

		helper.perform(post("/admin/installation-admins/" + agency.adminId() + "/remove").with(csrf()));
		assertThat(helper.perform(get("/admin/agencies")).getResponse().getStatus()).isEqualTo(403);
		long bossId = this.directory.findPerson(BOSS).orElseThrow().id();
		MvcResult last = boss.perform(post("/admin/installation-admins/" + bossId + "/remove").with(csrf()));
		assertThat(FlashMessages.error(last)).isEqualTo("admin.installationAdmins.last");
		assertThat(this.directory.findPerson(BOSS).orElseThrow().installationAdmin()).isTrue();
		assertThat(boss.perform(post("/admin/installation-admins/999999999/remove").with(csrf())).getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void installationAdminWithoutAnAgencyThenAPageThatSaysSoAndLeadsToTheAgencies() throws Exception {
		Agency agency = agencyWithAdmin("Solo Agency");
		Person solo = memberOf(agency, Role.VIEWER, "solo");
		this.directory.setInstallationAdmin(solo.id(), true);
		this.directory.removeMember(agency.id(), solo.id());
		Visitor visitor = signedIn(solo.email());

		MvcResult accounts = visitor.perform(get("/config/accounts"));

		assertThat(accounts.getResponse().getStatus()).isEqualTo(403);
		assertThat(accounts.getResponse().getContentAsString()).contains("You are not a member of any agency",
				"href=\"/admin/agencies\"", "Change password");
		assertThat(visitor.perform(get("/admin/agencies")).getResponse().getStatus()).isEqualTo(200);
		assertThat(visitor.perform(get("/account/password")).getResponse().getStatus()).isEqualTo(200);
		this.directory.setInstallationAdmin(solo.id(), false);
	}

	private Visitor signedInBoss() throws Exception {
		Visitor visitor = new Visitor(this.mvc, uniqueAddress());
		assertThat(visitor.signIn(BOSS, BOSS_PASSWORD)).isEqualTo(BASE + "/config/accounts");
		return visitor;
	}

}
