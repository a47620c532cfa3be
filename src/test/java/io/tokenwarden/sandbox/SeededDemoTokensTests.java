package io.tokenwarden.sandbox;

import io.tokenwarden.tokens.AccountTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokens the demo seeded are the sandbox's tokens: valid ones work, and the ones the demo shows
 * as expired fail at the publisher for the reason it shows.
 */
class SeededDemoTokensTests extends SandboxTestSupport {

	@Autowired
	AccountTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void seededFacebookTokenWhenValidThenRecognisedByDebugTokenAndMe() {
		String token = accessTokenOf("Alpine Outfitters");
		JsonNode data = json(debugToken(token)).path("data");
		assertThat(data.path("is_valid").asBoolean()).isTrue();
		assertThat(data.path("user_id").asString()).isEqualTo(externalIdOf("Alpine Outfitters"));
		assertThat(data.path("scopes").toString()).contains("ads_management");
		assertThat(json(graph("me", token)).path("name").asString()).isEqualTo("Alpine Outfitters");
		assertThat(json(graph("me/accounts", token)).path("data").size()).isBetween(1, 2);
	}

	@Test
	void seededFacebookTokensWhenExpiredInTheDemoThenBrokenForTheSameReason() {
		assertThat(subcodeOf("Bluebird Coffee")).isEqualTo(460);
		assertThat(subcodeOf("Evergreen Grocers")).isEqualTo(459);
		JsonNode data = json(debugToken(accessTokenOf("Northstar Travel"))).path("data");
		assertThat(data.path("is_valid").asBoolean()).isFalse();
		assertThat(data.path("data_access_expires_at").asLong()).isLessThan(data.path("issued_at").asLong());
	}

	@Test
	void seededXTokenWhenValidThenRecognisedByUsersMeAndWhenAppRemovedThen401() {
		ResponseEntity<String> me = httpGet("/sandbox/x/2/users/me", accessTokenOf("Falcon Fitness"));
		assertThat(me.getStatusCode().value()).isEqualTo(200);
		assertThat(json(me).path("data").path("id").asString()).isEqualTo(externalIdOf("Falcon Fitness"));
		assertThat(httpGet("/sandbox/x/2/users/me", accessTokenOf("Lakeside Pets")).getStatusCode().value()).isEqualTo(401);
	}

	private int subcodeOf(String account) {
		return json(graph("me", accessTokenOf(account))).path("error").path("error_subcode").asInt();
	}

	private String accessTokenOf(String account) {
		return this.tokens.accessToken(idOf(account)).orElseThrow().reveal();
	}

	private long idOf(String account) {
		return this.jdbc.sql("select id from publisher_account where name = ?").param(account).query(Long.class).single();
	}

	private String externalIdOf(String account) {
		return this.jdbc.sql("select external_id from publisher_account where name = ?")
			.param(account)
			.query(String.class)
			.single();
	}

}
