package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Graph API objects the adapters read: {@code me}, {@code me/accounts}, {@code me/adaccounts},
 * {@code act_{id}}, its {@code campaigns}, a campaign's {@code adsets}, the update of a campaign or an ad
 * set, and {@code {user-id}/permissions}, plus {@code debug_token}. Every node answers only the fields its
 * type has ({@link GraphFields}). One entry point for direct calls and batch operations alike, so both
 * answer the same way.
 */
@Component
@Profile("demo")
class FacebookGraph {

	private final SandboxAuthority authority;

	private final SandboxDirectory directory;

	private final FacebookTokens tokens;

	private final FacebookCampaigns campaigns;

	private final Clock clock;

	FacebookGraph(SandboxAuthority authority, SandboxDirectory directory, FacebookTokens tokens,
			FacebookCampaigns campaigns, Clock clock) {
		this.campaigns = campaigns;
		this.authority = authority;
		this.directory = directory;
		this.tokens = tokens;
		this.clock = clock;
	}

	GraphAnswer call(GraphCall call) {
		String token = call.token();
		if (token == null || token.isBlank()) {
			return GraphAnswer.error(GraphError.missingToken());
		}
		String proof = call.param("appsecret_proof");
		if (proof != null && !SandboxApps.same(SandboxSecrets.appSecretProof(token), proof)) {
			return GraphAnswer.error(GraphError.badProof());
		}
		List<String> path = Arrays.stream(call.path().split("/")).filter(s -> !s.isEmpty()).toList();
		if (path.equals(List.of("debug_token")) && "GET".equals(call.method())) {
			return this.tokens.debugToken(call);
		}
		if (SandboxApps.isFacebookAppToken(token)) {
			return appCall(call, path);
		}
		TokenState state = this.authority.lookup(Publisher.FACEBOOK, token);
		if (!state.valid()) {
			return GraphAnswer.error(GraphError.forProblem(state, this.clock.instant()));
		}
		return userCall(call, path, state);
	}

	// an app token may revoke a user's permissions; "me" means nothing to it
	private GraphAnswer appCall(GraphCall call, List<String> path) {
		if (path.size() == 2 && "permissions".equals(path.get(1)) && "DELETE".equals(call.method())) {
			Optional<SandboxUser> user = this.directory.findUser(Publisher.FACEBOOK, path.get(0));
			if (user.isPresent()) {
				this.authority.revokeGrants(user.get().id(), SandboxAuthority.BY_APP);
				return GraphAnswer.ok(Map.of("success", true));
			}
		}
		if (!path.isEmpty() && "me".equals(path.get(0))) {
			return GraphAnswer.error(GraphError.activeTokenRequired());
		}
		return unsupported(call, path);
	}

	private GraphAnswer userCall(GraphCall call, List<String> path, TokenState state) {
		if (path.isEmpty()) {
			return unsupported(call, path);
		}
		String node = path.get(0);
		boolean get = "GET".equals(call.method());
		if (node.startsWith("act_") && path.size() == 1 && get) {
			return adAccount(call, node, state);
		}
		if (node.startsWith("act_") && path.equals(List.of(node, "campaigns")) && get) {
			return this.campaigns.list(call, node, state);
		}
		if (node.matches("[0-9]+") && path.equals(List.of(node, "adsets")) && get) {
			return this.campaigns.adSets(call, node, state);
		}
		if (node.matches("[0-9]+") && path.size() == 1 && "POST".equals(call.method())) {
			return this.campaigns.write(call, node, state);
		}
		if (!"me".equals(node) && !node.equals(state.user().externalId())) {
			return unsupported(call, path);
		}
		String edge = path.size() == 2 ? path.get(1) : path.size() == 1 ? "" : null;
		if (get && "".equals(edge)) {
			Map<String, Object> me = new LinkedHashMap<>();
			me.put("id", state.user().externalId());
			me.put("name", state.user().name());
			return selected("User", call, fields -> GraphAnswer.ok(fields.select(me)));
		}
		if (get && "accounts".equals(edge)) {
			return selected("Page", call, fields -> GraphAnswer.ok(GraphPages.paged(call, state.user().externalId(),
					"accounts", this.directory.pages(state.user().id(), state.level())
				.stream()
				.map(page -> fields.select(page(page, state.level())))
				.toList())));
		}
		if (get && "adaccounts".equals(edge)) {
			return selected("AdAccount", call, fields -> GraphAnswer.ok(GraphPages.paged(call, state.user().externalId(),
					"adaccounts", this.directory.adAccounts(state.user().id(), state.level())
				.stream()
				.map(account -> fields.select(adAccount(account)))
				.toList())));
		}
		if ("permissions".equals(edge)) {
			return permissions(call, state);
		}
		return unsupported(call, path);
	}

	private GraphAnswer permissions(GraphCall call, TokenState state) {
		if ("DELETE".equals(call.method())) {
			// the revoke is app-wide for the person: every grant they gave the app ends
			this.authority.revokeGrants(state.user().id(), SandboxAuthority.BY_APP);
			return GraphAnswer.ok(Map.of("success", true));
		}
		if (!"GET".equals(call.method())) {
			return unsupported(call, List.of(state.user().externalId(), "permissions"));
		}
		return GraphAnswer.ok(Map.of("data", state.scopeList()
			.stream()
			.map(scope -> Map.of("permission", scope, "status", "granted"))
			.toList()));
	}

	private GraphAnswer adAccount(GraphCall call, String node, TokenState state) {
		String id = node.substring("act_".length());
		return this.directory.adAccounts(state.user().id(), state.level())
			.stream()
			.filter(account -> account.accountId().equals(id))
			.findFirst()
			.map(account -> selected("AdAccount", call, fields -> GraphAnswer.ok(fields.select(adAccount(account)))))
			.orElseGet(() -> GraphAnswer.error(GraphError.noSuchObject(call.method(), node)));
	}

	/** The answer for the call's {@code fields} of a node of {@code type}, or Graph's error for a field it does not have. */
	static GraphAnswer selected(String type, GraphCall call, Function<GraphFields.Requested, GraphAnswer> answer) {
		GraphFields.Requested fields = GraphFields.of(type, call.param("fields"));
		return fields.error() != null ? GraphAnswer.error(fields.error()) : answer.apply(fields);
	}

	private static GraphAnswer unsupported(GraphCall call, List<String> path) {
		return GraphAnswer.error(GraphError.noSuchObject(call.method(), path.isEmpty() ? "" : path.get(0)));
	}

	private static Map<String, Object> page(SandboxPage page, AccessLevel level) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", page.pageId());
		json.put("name", page.name());
		json.put("category", page.category());
		json.put("tasks", level.tasks());
		return json;
	}

	private static Map<String, Object> adAccount(SandboxAdAccount account) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", "act_" + account.accountId());
		json.put("account_id", account.accountId());
		json.put("name", account.name());
		json.put("account_status", account.accountStatus());
		json.put("disable_reason", account.disableReason());
		json.put("currency", account.currency());
		// an account without a valid payment method reports none
		if (account.fundingValid()) {
			json.put("funding_source", account.fundingSourceId());
			json.put("funding_source_details", Map.of("id", account.fundingSourceId(), "display_string",
					account.fundingDisplay(), "type", account.fundingType()));
		}
		return json;
	}

}
