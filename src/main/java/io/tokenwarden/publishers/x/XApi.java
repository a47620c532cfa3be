package io.tokenwarden.publishers.x;

import io.tokenwarden.publishers.HeldToken;
import io.tokenwarden.publishers.RequestToken;
import io.tokenwarden.publishers.http.FormEncoding;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.publishers.http.PublisherHttp;
import io.tokenwarden.tokens.TokenSecret;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The X calls themselves, every one signed with OAuth 1.0a in {@link #send}, the one place that
 * authenticates to X. Tokens travel only in the {@code Authorization} header, never in a URL or a body.
 */
final class XApi {

	private final RestClient rest;

	private final URI apiUrl;

	private final URI adsApiUrl;

	private final OAuth1Signer signer;

	XApi(RestClient rest, URI apiUrl, URI adsApiUrl, OAuth1Signer signer) {
		this.rest = rest;
		this.apiUrl = apiUrl;
		this.adsApiUrl = adsApiUrl;
		this.signer = signer;
	}

	HttpAnswer usersMe(HeldToken token) {
		return send(HttpMethod.GET, URI.create(url(this.apiUrl, "/2/users/me")), token.accessToken().reveal(),
				token.tokenSecret(), Map.of());
	}

	HttpAnswer fundingInstruments(HeldToken token, String adAccountId, String cursor) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("count", "1000");
		if (cursor != null) {
			query.put("cursor", cursor);
		}
		return adsGet(token, "/12/accounts/" + adAccountId + "/funding_instruments", query);
	}

	/** An Ads API read; the path's ids are checked by the caller, the query is form-encoded here. */
	HttpAnswer adsGet(HeldToken token, String path, Map<String, String> query) {
		return send(HttpMethod.GET, adsUri(path, query), token.accessToken().reveal(), token.tokenSecret(), Map.of());
	}

	/** An Ads API update: X takes a PUT's parameters in the query string (signed as query parameters). */
	HttpAnswer adsPut(HeldToken token, String path, Map<String, String> query) {
		return send(HttpMethod.PUT, adsUri(path, query), token.accessToken().reveal(), token.tokenSecret(), Map.of());
	}

	/** {@code POST /oauth/request_token}: signed with the consumer secret alone, the callback in the header. */
	HttpAnswer requestToken(URI callback) {
		return send(HttpMethod.POST, URI.create(url(this.apiUrl, "/oauth/request_token")), null, null,
				Map.of("oauth_callback", callback.toString()));
	}

	/** {@code POST /oauth/access_token}: signed with the request token and its secret, the verifier in the header. */
	HttpAnswer accessToken(RequestToken requestToken, String verifier) {
		return send(HttpMethod.POST, URI.create(url(this.apiUrl, "/oauth/access_token")), requestToken.token(),
				requestToken.secret(), Map.of("oauth_verifier", verifier));
	}

	/** {@code POST /1.1/oauth/invalidate_token}: signed with the very token it ends. */
	HttpAnswer invalidateToken(HeldToken token) {
		return send(HttpMethod.POST, URI.create(url(this.apiUrl, "/1.1/oauth/invalidate_token")),
				token.accessToken().reveal(), token.tokenSecret(), Map.of());
	}

	URI authorizeUri(RequestToken requestToken) {
		return URI.create(url(this.apiUrl, "/oauth/authorize") + "?"
				+ FormEncoding.encode(Map.of("oauth_token", requestToken.token())));
	}

	/** Every X call: signed over its method, URL and query (no call here has a form body), then sent. */
	private HttpAnswer send(HttpMethod method, URI uri, String token, TokenSecret tokenSecret, Map<String, String> extra) {
		String authorization = this.signer.authorization(method.name(), uri, Map.of(), token, tokenSecret, extra);
		RestClient.RequestBodySpec request = this.rest.method(method)
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, authorization);
		if (method == HttpMethod.POST) {
			// an empty form, so that no proxy or server takes the POST for another content type
			request.contentType(MediaType.APPLICATION_FORM_URLENCODED).body("");
		}
		return PublisherHttp.exchange(request);
	}

	private URI adsUri(String path, Map<String, String> query) {
		return URI.create(url(this.adsApiUrl, path) + (query.isEmpty() ? "" : "?" + FormEncoding.encode(query)));
	}

	private static String url(URI base, String path) {
		return base.toString().replaceAll("/+$", "") + path;
	}

}
