package io.tokenwarden.invalidation;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.flash.Flash;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.FlashMessages;
import io.tokenwarden.testsupport.TestData;
import io.tokenwarden.testsupport.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestData.class)
class InvalidationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgencyDirectory agencies;

	@Test
	void confirmationWhenAdminThenNamesEveryLinkedAgencyAndChangesNothing() throws Exception {
		long id = this.data.account(Publisher.FACEBOOK, TestData.unique("Shared Shop"), "Northwind Agency", "Contoso Media");
		this.mvc.perform(get("/config/accounts/{id}/invalidate", id).with(user("admin@demo.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("for all 2 agencies it is linked to: Contoso Media, Northwind Agency")))
			.andExpect(content().string(containsString("Cancel")));
		assertThat(tokenStatus(id)).isEqualTo("VALID");
	}

	@Test
	void invalidateWhenAdminConfirmsThenEveryLinkedAgencySeesTheRedXWithWhoAndWhy() throws Exception {
		String name = TestData.unique("Leaving User Shop");
		long id = this.data.account(Publisher.FACEBOOK, name, "Northwind Agency", "Contoso Media");
		this.mvc.perform(invalidate(id, "USER_LEFT").with(user("admin@demo.test")))
			.andExpect(redirectedUrl("/config/accounts"))
			.andExpect(FlashMessages.shown(Flash.Level.SUCCESS, "invalidate.done"));

		assertThat(tokenStatus(id)).isEqualTo("INVALIDATED");
		for (String agency : List.of("Northwind Agency", "Contoso Media")) {
			// sessions live in PostgreSQL: only the SESSION cookie switches the agency the app sees
			WebSession session = new WebSession(this.mvc, "admin@demo.test")
				.inAgency(this.agencies.findAgency(agency).orElseThrow());
			String page = session.perform(get("/config/accounts").param("q", name)).getResponse().getContentAsString();
			assertThat(page).contains("<small class=\"text-secondary fs-6\">" + agency + "</small>")
				.contains("Invalidated by admin@demo.test on ")
				.contains("the account&#39;s user left the company")
				.doesNotContain("/config/accounts/" + id + "/invalidate");
		}
	}

	@Test
	void invalidateThenTheTokenRowHoldsNoSecretAndOneRevocationAndOneAuditEventAreWritten() throws Exception {
		long id = this.data.account(Publisher.X, TestData.unique("X Shop"), "Northwind Agency");
		this.mvc.perform(invalidate(id, "STOP_ACTIVITY").with(user("admin@demo.test"))).andExpect(status().is3xxRedirection());

		assertThat(this.jdbc.sql("select access_token_ciphertext is null and token_secret_ciphertext is null from account_token where account_id = ?")
			.param(id).query(Boolean.class).single()).isTrue();
		assertThat(count("select count(*) from revocation_request where account_id = ? and access_token_ciphertext is not null"
				+ " and token_secret_ciphertext is not null", id)).isEqualTo(1);
		assertThat(count("select count(*) from audit_event where account_id = ? and action = 'token_invalidated'", id)).isEqualTo(1);
	}

	@Test
	void invalidateThenTheOwnerGetsOneUnlinkedNoticeAndNoExpiredOne() throws Exception {
		long id = this.data.account(Publisher.FACEBOOK, TestData.unique("Unlinked Shop"), "Northwind Agency");
		this.mvc.perform(invalidate(id, "USER_LEFT").with(user("admin@demo.test"))).andExpect(status().is3xxRedirection());
		this.mvc.perform(invalidate(id, "USER_LEFT").with(user("admin@demo.test"))).andExpect(status().is3xxRedirection());

		assertThat(count("select count(*) from notice where account_id = ? and kind = 'UNLINKED'", id)).isEqualTo(1);
		assertThat(count("select count(*) from notice where account_id = ? and kind <> 'UNLINKED'", id)).isZero();
		assertThat(this.jdbc.sql("select recipient from notice where account_id = ?").param(id).query(String.class).single())
			.startsWith("owner.");
	}

	@Test
	void invalidateTwiceThenTheSecondIsANoOpWithAMessage() throws Exception {
		long id = this.data.account(Publisher.FACEBOOK, TestData.unique("Twice Shop"), "Northwind Agency");
		this.mvc.perform(invalidate(id, "USER_LEFT").with(user("admin@demo.test"))).andExpect(status().is3xxRedirection());
		this.mvc.perform(invalidate(id, "USER_LEFT").with(user("admin@demo.test")))
			.andExpect(FlashMessages.shown(Flash.Level.ERROR, "invalidate.already"));
		assertThat(count("select count(*) from revocation_request where account_id = ?", id)).isEqualTo(1);
		assertThat(count("select count(*) from audit_event where account_id = ? and action = 'token_invalidated'", id)).isEqualTo(1);
	}

	@Test
	void invalidateWhenTwoRequestsRaceThenOneRevocationAndOneAuditEvent() throws Exception {
		long id = this.data.account(Publisher.FACEBOOK, TestData.unique("Double Click Shop"), "Northwind Agency");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> clicks = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				clicks.add(() -> this.mvc.perform(invalidate(id, "USER_LEFT").with(user("admin@demo.test")))
					.andReturn().getResponse().getStatus());
			}
			for (Future<Integer> click : pool.invokeAll(clicks)) {
				assertThat(click.get()).isEqualTo(302);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(count("select count(*) from revocation_request where account_id = ?", id)).isEqualTo(1);
		assertThat(count("select count(*) from audit_event where account_id = ? and action = 'token_invalidated'", id)).isEqualTo(1);
	}

	@Test
	void invalidateWhenManagerOrViewerThenForbiddenAndNothingChanges() throws Exception {
		long id = this.data.account(Publisher.FACEBOOK, TestData.unique("Guarded Shop"), "Northwind Agency");
		for (String who : List.of("manager@demo.test", "viewer@demo.test")) {
			this.mvc.perform(invalidate(id, "USER_LEFT").with(user(who))).andExpect(status().isForbidden());
			this.mvc.perform(get("/config/accounts/{id}/invalidate", id).with(user(who))).andExpect(status().isForbidden());
		}
		assertThat(tokenStatus(id)).isEqualTo("VALID");
	}

	@Test
	void invalidateWhenAdminOfAnUnlinkedAgencyThenNotFound() throws Exception {
		long id = this.data.account(Publisher.FACEBOOK, TestData.unique("Northwind Only"), "Northwind Agency");
		this.mvc.perform(invalidate(id, "USER_LEFT").with(user("other-admin@demo.test"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/config/accounts/{id}/invalidate", id).with(user("other-admin@demo.test")))
			.andExpect(status().isNotFound());
		assertThat(tokenStatus(id)).isEqualTo("VALID");
	}

	@Test
	void invalidateWithoutCsrfTokenThenForbiddenAndNothingChanges() throws Exception {
		long id = this.data.account(Publisher.FACEBOOK, TestData.unique("Csrf Shop"), "Northwind Agency");
		this.mvc.perform(post("/config/accounts/{id}/invalidate", id).param("reason", "USER_LEFT").with(user("admin@demo.test")))
			.andExpect(status().isForbidden());
		assertThat(tokenStatus(id)).isEqualTo("VALID");
	}

	@Test
	void invalidateWhenReasonIsOtherWithoutNoteThenAsksForANoteAndChangesNothing() throws Exception {
		long id = this.data.account(Publisher.FACEBOOK, TestData.unique("Vague Shop"), "Northwind Agency");
		this.mvc.perform(invalidate(id, "OTHER").with(user("admin@demo.test")))
			.andExpect(redirectedUrl("/config/accounts/" + id + "/invalidate"))
			.andExpect(FlashMessages.shown(Flash.Level.ERROR, "invalidate.noteRequired"));
		this.mvc.perform(invalidate(id, "NOT_A_REASON").with(user("admin@demo.test")))
			.andExpect(FlashMessages.shown(Flash.Level.ERROR, "invalidate.reasonRequired"));
		assertThat(tokenStatus(id)).isEqualTo("VALID");
		assertThat(count("select count(*) from revocation_request where account_id = ?", id)).isZero();
	}

	private static MockHttpServletRequestBuilder invalidate(long id, String reason) {
		return post("/config/accounts/{id}/invalidate", id).param("reason", reason).with(csrf());
	}

	private String tokenStatus(long id) {
		return this.jdbc.sql("select status from account_token where account_id = ?").param(id).query(String.class).single();
	}

	private long count(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(Long.class).single();
	}

}
