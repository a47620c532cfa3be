package io.tokenwarden.sandbox;

import java.util.Map;

/**
 * One Graph API call, from HTTP or from an operation of a batch: method, path below the version
 * (no leading slash), parameters, the bearer token if sent in a header, and the base for paging links.
 */
record GraphCall(String method, String path, Map<String, String> params, String bearer, String baseUrl) {

	/** The token, from the {@code access_token} parameter or the {@code Authorization: Bearer} header. */
	String token() {
		String param = this.params.get("access_token");
		if (param != null && !param.isBlank()) {
			return param;
		}
		return this.bearer;
	}

	String param(String name) {
		return this.params.get(name);
	}

}
