package io.tokenwarden.channels;

import io.tokenwarden.tokens.TokenCipher;
import io.tokenwarden.tokens.TokenDecryptionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import javax.net.ssl.SSLException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A send round: claims due deliveries (row locks, {@code FOR UPDATE SKIP LOCKED}, and a claim deadline
 * on database time), posts each to its channel and records the answer. A failure is retried with
 * exponential backoff until {@code max-attempts}; nothing is dropped while a receiver is down. Errors
 * are recorded in fixed words: an exception's message would carry the channel's URL, which is a secret.
 */
@Component
class ChannelSender {

	private static final Logger log = LoggerFactory.getLogger(ChannelSender.class);

	private final DeliveryOutbox outbox;

	private final TokenCipher cipher;

	private final ChannelMessages messages;

	private final RestClient rest;

	private final ChannelSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ChannelSender(DeliveryOutbox outbox, TokenCipher cipher, ChannelMessages messages, RestClient channelRestClient,
			ChannelSettings settings, TransactionTemplate transactions, Clock clock) {
		this.outbox = outbox;
		this.cipher = cipher;
		this.messages = messages;
		this.rest = channelRestClient;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Sends what is due; returns how many went through. */
	int sendDue() {
		List<DeliveryOutbox.Claimed> claimed = this.transactions.execute(status -> {
			List<DeliveryOutbox.Claimed> due = this.outbox.lockDue(this.clock.instant(), this.settings.batchSize());
			if (!due.isEmpty()) {
				this.outbox.claim(due.stream().map(DeliveryOutbox.Claimed::id).toList(), this.settings.claimTimeout());
			}
			return due;
		});
		int sent = 0;
		for (DeliveryOutbox.Claimed delivery : claimed == null ? List.<DeliveryOutbox.Claimed>of() : claimed) {
			String error = send(delivery);
			Instant now = this.clock.instant();
			if (error == null) {
				this.outbox.markSent(delivery.id(), now);
				sent++;
			}
			else {
				int attempts = delivery.attempts() + 1;
				boolean giveUp = attempts >= this.settings.maxAttempts();
				this.outbox.markFailed(delivery.id(), giveUp, now.plus(this.settings.backoffAfter(attempts)), error);
				log.warn("Channel {}: delivery {} failed (attempt {}{}): {}", delivery.channelId(), delivery.id(), attempts,
						giveUp ? ", given up" : "", error);
			}
		}
		return sent;
	}

	/** Posts the delivery; null when the receiver took it (2xx), else what went wrong, in words without the URL. */
	private String send(DeliveryOutbox.Claimed delivery) {
		String url;
		String secret;
		try {
			url = this.cipher.open(ChannelStore.URL_PURPOSE, delivery.channelId(), delivery.urlCiphertext());
			secret = delivery.secretCiphertext() == null ? null
					: this.cipher.open(ChannelStore.SECRET_PURPOSE, delivery.channelId(), delivery.secretCiphertext());
		}
		catch (TokenDecryptionException | NullPointerException ex) {
			return "the stored address does not decrypt";
		}
		String body = this.messages.body(delivery.kind(), delivery.payload());
		long timestamp = this.clock.instant().getEpochSecond();
		try {
			int status = this.rest.post()
				.uri(URI.create(url))
				.contentType(MediaType.APPLICATION_JSON)
				.headers(headers -> {
					headers.set(ChannelMessages.EVENT_HEADER, delivery.event());
					headers.set(ChannelMessages.DELIVERY_HEADER, delivery.eventId().toString());
					if (delivery.kind() == ChannelKind.WEBHOOK && secret != null) {
						headers.set(ChannelMessages.TIMESTAMP_HEADER, Long.toString(timestamp));
						headers.set(ChannelMessages.SIGNATURE_HEADER, ChannelMessages.signature(secret, timestamp, body));
					}
				})
				.body(body)
				.exchange((request, response) -> response.getStatusCode().value(), true);
			if (status >= 200 && status < 300) {
				return null;
			}
			return status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
		}
		catch (RuntimeException ex) {
			return fault(ex);
		}
	}

	private static String fault(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
				return "timed out";
			}
			if (cause instanceof UnknownHostException) {
				return "unknown host";
			}
			if (cause instanceof SSLException) {
				return "TLS failed";
			}
			if (cause instanceof ConnectException) {
				return "connection refused";
			}
		}
		return ex instanceof UncheckedIOException || ex.getCause() != null ? "connection failed" : "request failed";
	}

}
