package io.tokenwarden.sandbox;

/** How an imitation publisher answers every API call right now. */
enum PublisherMode {

	/** As the real publisher on a good day. */
	NORMAL,

	/** 503 with an HTML body; stands in for connection refused, which cannot be imitated in-process. */
	DOWN,

	/** Answers only after a delay longer than the adapters' read timeout. */
	SLOW,

	/** Facebook code 17 with usage headers; X 429 with {@code x-rate-limit-*} headers. */
	RATE_LIMITED

}
