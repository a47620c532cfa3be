package io.tokenwarden.invalidation;

import io.tokenwarden.flash.Flash;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.testsupport.FlashMessages;
import io.tokenwarden.testsupport.StatementCounter;
import io.tokenwarden.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The cost of an invalidation does not grow with the number of linked agencies. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestData.class, StatementCounter.class })
class InvalidationScaleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void invalidateWhenLinkedToAThousandAgenciesThenRunsAsManyStatementsAsForOne() throws Exception {
		long single = this.data.account(Publisher.FACEBOOK, TestData.unique("Single Agency Shop"), "Northwind Agency");
		long shared = this.data.account(Publisher.FACEBOOK, TestData.unique("Everywhere Shop"), "Northwind Agency");
		String prefix = TestData.unique("Scale Agency");
		this.jdbc.sql("insert into agency (name) select ? || ' #' || g from generate_series(1, 999) g").param(prefix).update();
		this.jdbc.sql("insert into agency_account_link (agency_id, account_id) select id, ? from agency where name like ?")
			.params(shared, prefix + " #%")
			.update();
		assertThat(this.jdbc.sql("select count(*) from agency_account_link where account_id = ?").param(shared)
			.query(Long.class).single()).isEqualTo(1000);

		long forOne = statementsToInvalidate(single);
		long forThousand = statementsToInvalidate(shared);

		assertThat(forThousand).isEqualTo(forOne);
		assertThat(forOne).isLessThan(20);
	}

	private long statementsToInvalidate(long accountId) throws Exception {
		long before = StatementCounter.count();
		this.mvc.perform(post("/config/accounts/{id}/invalidate", accountId).param("reason", "USER_LEFT")
				.with(csrf()).with(user("admin@demo.test")))
			.andExpect(FlashMessages.shown(Flash.Level.SUCCESS, "invalidate.done"));
		return StatementCounter.count() - before;
	}

}
