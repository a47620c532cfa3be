package io.tokenwarden.notifications;

/**
 * What one send round did: emails accepted by the mail server, and the notices they carried;
 * notices left to retry later; notices given up on.
 */
public record SendReport(int emailsSent, int noticesSent, int noticesRetrying, int noticesDead) {

	static final SendReport NOTHING = new SendReport(0, 0, 0, 0);

	SendReport plus(SendReport other) {
		return new SendReport(this.emailsSent + other.emailsSent, this.noticesSent + other.noticesSent,
				this.noticesRetrying + other.noticesRetrying, this.noticesDead + other.noticesDead);
	}

}
