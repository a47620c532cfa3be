package io.tokenwarden.sandbox;

import java.util.Map;

/** A Graph API answer before it goes on the wire, alone or as one item of a batch. */
record GraphAnswer(int status, Map<String, String> headers, Object body) {

	static GraphAnswer ok(Object body) {
		return new GraphAnswer(200, Map.of(), body);
	}

	static GraphAnswer error(GraphError error) {
		return new GraphAnswer(error.status(), error.headers(), error.body());
	}

}
