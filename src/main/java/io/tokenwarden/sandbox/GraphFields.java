package io.tokenwarden.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code fields} parameter as Graph reads it ({@code id,name,insights.date_preset(today){spend},adsets.limit(100){id}}),
 * and each node type's real fields: asking a node for a field its type does not have is refused with
 * Graph's own error, {@code (#100) Tried accessing nonexisting field (bid_amount) on node type (Campaign)}.
 * The lists hold the fields Meta documents for these types that a console might ask for, not every one.
 */
final class GraphFields {

	/** One requested field: its name, its modifiers ({@code limit} → {@code 100}), and its sub-fields when expanded. */
	record Field(String name, Map<String, String> modifiers, List<Field> nested, String nestedText) {

		boolean expanded() {
			return this.nested != null;
		}

		/** The {@code .limit(n)} modifier, or {@code fallback}. */
		int limit(int fallback) {
			try {
				return Integer.parseInt(this.modifiers.getOrDefault("limit", String.valueOf(fallback)).trim());
			}
			catch (NumberFormatException ex) {
				return fallback;
			}
		}

	}

	private static final Map<String, Set<String>> FIELDS = Map.of(
			"User", Set.of("id", "name", "email", "first_name", "last_name", "middle_name", "short_name", "picture"),
			"Page", Set.of("id", "name", "category", "category_list", "tasks", "access_token", "about", "link", "username",
					"fan_count"),
			"AdAccount", Set.of("id", "account_id", "name", "account_status", "disable_reason", "currency", "balance",
					"amount_spent", "spend_cap", "funding_source", "funding_source_details", "user_tasks", "timezone_name",
					"is_prepay_account", "created_time", "business", "campaigns", "adsets", "insights"),
			"Campaign", Set.of("id", "account_id", "name", "status", "effective_status", "configured_status", "objective",
					"daily_budget", "lifetime_budget", "budget_remaining", "bid_strategy", "spend_cap", "buying_type",
					"special_ad_categories", "start_time", "stop_time", "created_time", "updated_time", "adsets", "ads",
					"insights"),
			"AdSet", Set.of("id", "account_id", "campaign_id", "name", "status", "effective_status", "configured_status",
					"bid_amount", "bid_strategy", "billing_event", "optimization_goal", "daily_budget", "lifetime_budget",
					"budget_remaining", "start_time", "end_time", "created_time", "updated_time", "targeting", "ads",
					"insights"),
			"AdsInsights", Set.of("spend", "impressions", "clicks", "reach", "cpc", "cpm", "ctr", "date_start", "date_stop",
					"account_id", "campaign_id", "campaign_name", "adset_id", "adset_name"));

	/** What an expanded edge holds: {@code Campaign.adsets} are AdSet nodes, and so on. */
	private static final Map<String, String> EDGES = Map.of("Campaign.adsets", "AdSet", "Campaign.insights", "AdsInsights",
			"AdSet.insights", "AdsInsights", "AdAccount.campaigns", "Campaign", "AdAccount.adsets", "AdSet",
			"AdAccount.insights", "AdsInsights");

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	private static final Pattern MODIFIER = Pattern.compile("\\.([a-z_]+)\\(([^()]*)\\)");

	private GraphFields() {
	}

	/**
	 * The fields asked of a node of {@code type}; an error when the parameter does not parse or names a
	 * field the type (or an expanded edge's type) does not have. No parameter asks for the defaults.
	 */
	static Requested of(String type, String fields) {
		if (fields == null || fields.isBlank()) {
			return new Requested(List.of(), null);
		}
		List<Field> parsed;
		try {
			parsed = parse(fields.trim());
		}
		catch (IllegalArgumentException ex) {
			return new Requested(List.of(), GraphError.parameter("(#100) Syntax error in the fields parameter: " + ex.getMessage()));
		}
		return new Requested(parsed, unknown(type, parsed).orElse(null));
	}

	/** The parsed {@code fields}, or the error Graph answers for them. */
	record Requested(List<Field> fields, GraphError error) {

		Optional<Field> field(String name) {
			return this.fields.stream().filter(f -> f.name().equals(name)).findFirst();
		}

		/** Only the requested fields of {@code all} (always {@code id}); everything when none are named. */
		Map<String, Object> select(Map<String, Object> all) {
			return GraphFields.select(all, this.fields);
		}

	}

	private static Optional<GraphError> unknown(String type, List<Field> fields) {
		Set<String> known = FIELDS.get(type);
		for (Field field : fields) {
			if (known != null && !known.contains(field.name())) {
				return Optional.of(GraphError.parameter("(#100) Tried accessing nonexisting field (" + field.name()
						+ ") on node type (" + type + ")"));
			}
			String edgeType = EDGES.get(type + "." + field.name());
			if (field.expanded() && edgeType != null) {
				Optional<GraphError> inner = unknown(edgeType, field.nested());
				if (inner.isPresent()) {
					return inner;
				}
			}
		}
		return Optional.empty();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> select(Map<String, Object> all, List<Field> fields) {
		if (fields.isEmpty()) {
			return all;
		}
		Map<String, Object> selected = new LinkedHashMap<>();
		if (all.containsKey("id")) {
			selected.put("id", all.get("id"));
		}
		for (Field field : fields) {
			Object value = all.get(field.name());
			if (value == null) {
				continue; // Graph leaves out what a node has no value for
			}
			if (field.expanded() && value instanceof Map<?, ?> list && list.get("data") instanceof List<?> items) {
				Map<String, Object> page = new LinkedHashMap<>((Map<String, Object>) list);
				page.put("data", items.stream().map(item -> select((Map<String, Object>) item, field.nested())).toList());
				value = page;
			}
			selected.put(field.name(), value);
		}
		return selected;
	}

	/** Splits at the commas outside braces and parentheses; each part is {@code name(.modifier(args))*({sub-fields})?}. */
	static List<Field> parse(String text) {
		List<Field> fields = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			char c = i < text.length() ? text.charAt(i) : ',';
			if (c == '{' || c == '(') {
				depth++;
			}
			else if (c == '}' || c == ')') {
				depth--;
				if (depth < 0) {
					throw new IllegalArgumentException("unexpected " + c);
				}
			}
			else if (c == ',' && depth == 0) {
				fields.add(field(text.substring(start, i).trim()));
				start = i + 1;
			}
		}
		if (depth != 0) {
			throw new IllegalArgumentException("unclosed brace or parenthesis");
		}
		return fields;
	}

	private static Field field(String part) {
		Matcher name = NAME.matcher(part);
		if (!name.lookingAt()) {
			throw new IllegalArgumentException("expected a field name at \"" + part + "\"");
		}
		int at = name.end();
		Map<String, String> modifiers = new LinkedHashMap<>();
		Matcher modifier = MODIFIER.matcher(part);
		while (at < part.length() && part.charAt(at) == '.' && modifier.find(at) && modifier.start() == at) {
			modifiers.put(modifier.group(1), modifier.group(2));
			at = modifier.end();
		}
		List<Field> nested = null;
		String nestedText = null;
		if (at < part.length()) {
			if (part.charAt(at) != '{' || !part.endsWith("}")) {
				throw new IllegalArgumentException("unexpected \"" + part.substring(at) + "\"");
			}
			nestedText = part.substring(at + 1, part.length() - 1).trim();
			nested = parse(nestedText);
		}
		return new Field(name.group(), modifiers, nested, nestedText);
	}

}
