package io.tokenwarden.publishers.facebook;

import io.tokenwarden.publishers.http.AppCredentials;
import io.tokenwarden.publishers.http.FormEncoding;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.publishers.http.OutboundAllowlist;
import io.tokenwarden.publishers.http.PublisherHttp;
import io.tokenwarden.tokens.TokenSecret;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Graph API calls themselves. Tokens travel in the {@code Authorization} header or in a POST body,
 * never in a URL; every Graph URL carries {@code appsecret_proof} for the token used.
 */
final class GraphApi {

	private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._~/%-]*");

	private static final List<String> TOKEN_PARAMETERS = List.of("access_token", "appsecret_proof");

	private final RestClient rest;

	private final URI graphUrl;

	private final AppCredentials app;

	private final OutboundAllowlist graphOrigin;

	GraphApi(RestClient rest, URI graphUrl, AppCredentials app) {
		this.rest = rest;
		this.graphUrl = graphUrl;
		this.app = app;
		this.graphOrigin = new OutboundAllowlist(List.of(graphUrl));
	}

	HttpAnswer get(String path, Map<String, String> query, TokenSecret token) {
		return get(graphUri(path, query, token), token);
	}

	HttpAnswer get(URI uri, TokenSecret token) {
		return PublisherHttp.exchange(this.rest.get().uri(uri).headers(h -> h.setBearerAuth(token.reveal())));
	}

	HttpAnswer delete(String path, TokenSecret token) {
		URI uri = graphUri(path, Map.of(), token);
		return PublisherHttp.exchange(this.rest.delete().uri(uri).headers(h -> h.setBearerAuth(token.reveal())));
	}

	/** A Graph write ({@code POST /<node>}) with the user's token in the header and the fields in the form body. */
	HttpAnswer post(String path, Map<String, String> form, TokenSecret token) {
		return PublisherHttp.exchange(this.rest.post()
			.uri(graphUri(path, Map.of(), token))
			.headers(h -> h.setBearerAuth(token.reveal()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(FormEncoding.encode(form)));
	}

	/** A Graph batch; the app token goes in the body, where the batch API requires it. */
	HttpAnswer batch(String operationsJson) {
		TokenSecret appToken = appToken();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("access_token", appToken.reveal());
		form.put("include_headers", "true");
		form.put("batch", operationsJson);
		return post(graphUri("", Map.of(), appToken), form);
	}

	/** The OAuth token endpoint: a form POST, so no token or code ever sits in a URL. */
	HttpAnswer token(Map<String, String> form) {
		return post(this.app.tokenUri(), form);
	}

	private HttpAnswer post(URI uri, Map<String, String> form) {
		return PublisherHttp.exchange(this.rest.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(FormEncoding.encode(form)));
	}

	/** The app token {@code {app-id}|{app-secret}} that {@code debug_token} requires. */
	TokenSecret appToken() {
		return TokenSecret.of(this.app.clientId() + "|" + this.app.clientSecret().reveal());
	}

	/**
	 * A {@code paging.next} link made safe to follow: same origin as the Graph URL, the token Meta put in
	 * it removed (we send ours in the header), and a fresh proof. Empty when it points anywhere else.
	 */
	Optional<URI> nextLink(String next, TokenSecret token) {
		URI link;
		try {
			link = URI.create(next);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (!this.graphOrigin.allows(link) || link.getRawPath() == null || !SAFE_PATH.matcher(link.getRawPath()).matches()
				|| link.getRawFragment() != null) {
			return Optional.empty();
		}
		Map<String, String> query = new LinkedHashMap<>();
		try {
			for (String pair : link.getRawQuery() == null ? new String[0] : link.getRawQuery().split("&")) {
				int eq = pair.indexOf('=');
				String name = decode(eq < 0 ? pair : pair.substring(0, eq));
				if (!name.isEmpty() && !TOKEN_PARAMETERS.contains(name)) {
					query.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
				}
			}
		}
		catch (IllegalArgumentException badEscape) {
			return Optional.empty();
		}
		query.put("appsecret_proof", AppSecretProof.of(this.app.clientSecret(), token));
		String origin = link.getScheme() + "://" + link.getRawAuthority();
		return Optional.of(URI.create(origin + link.getRawPath() + "?" + FormEncoding.encode(query)));
	}

	private URI graphUri(String path, Map<String, String> query, TokenSecret token) {
		Map<String, String> withProof = new LinkedHashMap<>(query);
		withProof.put("appsecret_proof", AppSecretProof.of(this.app.clientSecret(), token));
		String base = this.graphUrl.toString().replaceAll("/+$", "");
		return URI.create(base + "/" + path + "?" + FormEncoding.encode(withProof));
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
