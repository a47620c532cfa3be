package io.tokenwarden.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's seed: the interface's people and agencies, thirty accounts, and never twice; and its announcement. */
@SpringBootTest
@AutoConfigureMockMvc
class DemoDataTests {

	private static final String DEMO_ACCOUNTS = """
			select count(distinct l.account_id) from agency_account_link l join agency g on g.id = l.agency_id
			join publisher_account a on a.id = l.account_id
			where g.name in ('Northwind Agency', 'Contoso Media', 'Fabrikam Partners') and a.owner_email like 'marketing.%'""";

	@Autowired
	DemoData demoData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoAnnouncement announcement;

	@Test
	void announcementThenNamesWhereTheDemoServesAndItsPublishedLogins() {
		assertThat(this.announcement.line()).startsWith("DEMO MODE on 127.0.0.1:")
			.contains("admin@demo.test", "viewer@demo.test", "other-admin@demo.test", "'demo'", "spring.datasource.url");
	}

	@Test
	void runWhenTheDemoIsSeededAlreadyThenSeedsNothingMore() {
		List<Long> before = counts();

		this.demoData.seed();
		this.demoData.seed();

		assertThat(counts()).isEqualTo(before).containsExactly(3L, 4L, 30L);
	}

	@Test
	void demoThenEachPersonHasTheRoleTheInterfaceNames() {
		List<String> memberships = this.jdbc.sql("""
				select u.email || ' ' || m.role || ' ' || g.name from app_user u
				join agency_membership m on m.user_id = u.id join agency g on g.id = m.agency_id
				where u.email like '%@demo.test'
				  and g.name in ('Northwind Agency', 'Contoso Media', 'Fabrikam Partners')""").query(String.class).list();

		assertThat(memberships).containsExactlyInAnyOrder("admin@demo.test ADMIN Northwind Agency",
				"admin@demo.test ADMIN Contoso Media", "manager@demo.test MANAGER Northwind Agency",
				"viewer@demo.test VIEWER Northwind Agency", "other-admin@demo.test ADMIN Fabrikam Partners");
	}

	@Test
	void demoThenAccountsOfBothPublishersSomeSharedSomeFabrikamOnlyWithEveryStatus() {
		Map<Long, Long> accountsByLinkCount = this.jdbc.sql("""
				select links, count(*) from (select l.account_id, count(*) as links from agency_account_link l
				    join agency g on g.id = l.agency_id
				    where g.name in ('Northwind Agency', 'Contoso Media', 'Fabrikam Partners') group by l.account_id) x
				group by links""").query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

		assertThat(accountsByLinkCount).containsKeys(1L, 2L, 3L);
		assertThat(this.jdbc.sql("""
				select count(*) from publisher_account a where exists (select 1 from agency_account_link l
				    join agency g on g.id = l.agency_id where l.account_id = a.id and g.name = 'Fabrikam Partners')
				and not exists (select 1 from agency_account_link l join agency g on g.id = l.agency_id
				    where l.account_id = a.id and g.name <> 'Fabrikam Partners')""").query(Long.class).single()).isPositive();
		assertThat(this.jdbc.sql("select distinct a.publisher from publisher_account a where a.owner_email like 'marketing.%'")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("FACEBOOK", "X");
		assertThat(this.jdbc.sql("""
				select distinct t.status from account_token t join publisher_account a on a.id = t.account_id
				where a.owner_email like 'marketing.%'""").query(String.class).list())
			.containsExactlyInAnyOrder("VALID", "EXPIRED", "INVALIDATED");
	}

	/** Demo agencies, demo people, accounts linked to the demo agencies. */
	private List<Long> counts() {
		return List.of(
				this.jdbc.sql("select count(*) from agency where name in ('Northwind Agency', 'Contoso Media', "
						+ "'Fabrikam Partners')").query(Long.class).single(),
				this.jdbc.sql("select count(*) from app_user where email like '%@demo.test'").query(Long.class).single(),
				this.jdbc.sql(DEMO_ACCOUNTS).query(Long.class).single());
	}

}
