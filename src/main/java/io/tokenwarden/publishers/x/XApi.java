package io.tokenwarden.publishers.x;

import io.tokenwarden.publishers.http.AppCredentials;
import io.tokenwarden.publishers.http.FormEncoding;
import io.tokenwarden.publishers.http.HttpAnswer;
import io.tokenwarden.publishers.http.PublisherHttp;
import io.tokenwarden.tokens.TokenSecret;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The X calls themselves. Tokens travel in the {@code Authorization} header or the form body, never in a
 * URL. A confidential client authenticates with HTTP Basic; a public one sends {@code client_id}.
 */
final class XApi {

	private final RestClient rest;

	private final URI apiUrl;

	private final URI adsApiUrl;

	private final AppCredentials app;

	XApi(RestClient rest, URI apiUrl, URI adsApiUrl, AppCredentials app) {
		this.rest = rest;
		this.apiUrl = apiUrl;
		this.adsApiUrl = adsApiUrl;
		this.app = app;
	}

	HttpAnswer usersMe(TokenSecret accessToken) {
		return PublisherHttp.exchange(this.rest.get()
			.uri(url(this.apiUrl, "/2/users/me"))
			.headers(h -> h.setBearerAuth(accessToken.reveal())));
	}

	HttpAnswer fundingInstruments(TokenSecret accessToken, String adAccountId, String cursor) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("count", "1000");
		if (cursor != null) {
			query.put("cursor", cursor);
		}
		return adsGet(accessToken, "/12/accounts/" + adAccountId + "/funding_instruments", query);
	}

	/** An Ads API read; the path's ids are checked by the caller, the query is form-encoded here. */
	HttpAnswer adsGet(TokenSecret accessToken, String path, Map<String, String> query) {
		return PublisherHttp.exchange(this.rest.get()
			.uri(adsUri(path, query))
			.headers(h -> h.setBearerAuth(accessToken.reveal())));
	}

	/** An Ads API update: X takes a PUT's parameters in the query string. */
	HttpAnswer adsPut(TokenSecret accessToken, String path, Map<String, String> query) {
		return PublisherHttp.exchange(this.rest.put()
			.uri(adsUri(path, query))
			.headers(h -> h.setBearerAuth(accessToken.reveal())));
	}

	private URI adsUri(String path, Map<String, String> query) {
		return URI.create(url(this.adsApiUrl, path) + (query.isEmpty() ? "" : "?" + FormEncoding.encode(query)));
	}

	HttpAnswer token(Map<String, String> form) {
		return postForm(this.app.tokenUri().toString(), form);
	}

	HttpAnswer revoke(Map<String, String> form) {
		return postForm(url(this.apiUrl, "/2/oauth2/revoke"), form);
	}

	private HttpAnswer postForm(String url, Map<String, String> form) {
		Map<String, String> body = new LinkedHashMap<>(form);
		if (!this.app.hasClientSecret()) {
			body.put("client_id", this.app.clientId());
		}
		return PublisherHttp.exchange(this.rest.post()
			.uri(URI.create(url))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.headers(h -> {
				if (this.app.hasClientSecret()) {
					// RFC 6749 2.3.1: both parts form-encoded before Basic
					h.setBasicAuth(FormEncoding.encode(this.app.clientId()),
							FormEncoding.encode(this.app.clientSecret().reveal()));
				}
			})
			.body(FormEncoding.encode(body)));
	}

	private static String url(URI base, String path) {
		return base.toString().replaceAll("/+$", "") + path;
	}

}
