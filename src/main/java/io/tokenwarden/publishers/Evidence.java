package io.tokenwarden.publishers;

/**
 * What a publisher said, kept for the record: the HTTP status (null without a response), the
 * publisher's own code and subcode (Meta {@code code}/{@code error_subcode}, X {@code error} or problem
 * type), its trace id ({@code x-fb-trace-id}/{@code fbtrace_id}, X {@code x-transaction-id}) and our
 * own short description. Never the publisher's message text: Meta echoes malformed tokens in it.
 */
public record Evidence(Publisher publisher, Integer httpStatus, String code, String subcode, String traceId,
		String detail) {

	/** Evidence without any publisher answer (a fault on our side of the wire, or no configuration). */
	public static Evidence of(Publisher publisher, String detail) {
		return new Evidence(publisher, null, null, null, null, detail);
	}

	/** The same evidence with another description. */
	public Evidence withDetail(String newDetail) {
		return new Evidence(this.publisher, this.httpStatus, this.code, this.subcode, this.traceId, newDetail);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.publisher.displayName()).append(": ").append(this.detail);
		if (this.httpStatus != null) {
			text.append("; HTTP ").append(this.httpStatus);
		}
		if (this.code != null) {
			text.append("; code ").append(this.code);
			if (this.subcode != null) {
				text.append('/').append(this.subcode);
			}
		}
		if (this.traceId != null) {
			text.append("; trace ").append(this.traceId);
		}
		return text.toString();
	}

}
