package io.tokenwarden.security;

import io.tokenwarden.tokens.TokenCipher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real installation (the demo switched off, a key set given), on a database of its own: no demo
 * people or data exist, and the session cookie is Secure.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "tokenwarden.demo.enabled=false", "tokenwarden.data-dir=target/test-data-demo-off" })
class DemoOffTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@DynamicPropertySource
	static void keyset(DynamicPropertyRegistry registry) {
		registry.add("tokenwarden.encryption.keyset", TokenCipher::generateKeyset);
	}

	@Test
	void sessionCookieWhenTheDemoIsOffThenSecure() throws Exception {
		String cookie = new Browser(this.port).get("/login").headers().firstValue("Set-Cookie").orElseThrow();

		assertThat(cookie).startsWith("SESSION=").contains("Secure", "HttpOnly", "SameSite=Lax");
	}

	@Test
	void signInWhenTheDemoIsOffThenTheDemoAdminDoesNotExist() throws Exception {
		Browser browser = new Browser(this.port);
		browser.get("/login");

		HttpResponse<String> signIn = browser.signIn("admin@demo.test", "demo");

		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
	}

	@Test
	void databaseWhenTheDemoIsOffThenHoldsNothingOfTheDemo() {
		assertThat(this.environment.getActiveProfiles()).doesNotContain("demo");
		assertThat(this.jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from agency").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from publisher_account").query(Long.class).single()).isZero();
	}

	@Test
	void databaseWhenMigratedWithTheDemoOffThenHoldsExactlyTheProductionTables() {
		List<String> tables = this.jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = current_schema() order by table_name""").query(String.class).list();

		// a new table belongs in this list only if production needs it; the demo's and the sandbox's live in db/demo
		assertThat(tables).containsExactlyInAnyOrder("account_asset", "account_health", "account_token", "agency",
				"agency_account_link", "agency_membership", "api_token", "app_user", "audit_event", "automation",
				"automation_action", "campaign", "campaign_ad_group", "channel_delivery", "check_run",
				"flyway_schema_history", "invitation", "link_notice", "link_token", "notice", "notice_admin_copy",
				"notification_channel", "publisher_account", "publisher_incident", "reconnect_bucket", "refresh_state",
				"revocation_request", "scheduled_tasks", "sign_in_bucket", "spring_session", "spring_session_attributes",
				"sync_account", "token_check");
		assertThat(tables).noneMatch(table -> table.startsWith("sandbox_") || table.startsWith("demo_")
				|| table.equals("flyway_demo_history"));
	}

}
