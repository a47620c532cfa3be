package io.tokenwarden.publishers;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a publisher's answer (or its silence) means, classified in this order, first match wins
 * (docs/publishers.md, "Classification"): {@link Unreachable}, {@link Misconfigured}, {@link RateLimited},
 * {@link Expired}, {@link FundingSourceInvalid}, {@link PermissionMissing}, {@link Refused}; a healthy
 * answer is {@link Valid}, and an answer the classifier cannot read is {@link Unrecognised}. Only
 * {@link Expired} says the token is dead; nothing else may change its state.
 */
public sealed interface PublisherOutcome {

	/** The raw publisher code, subcode and trace id behind this outcome. */
	Evidence evidence();

	/**
	 * No answer from the publisher: no response, a timeout or reset, HTTP 5xx, a body saying "Service
	 * Unavailable", Meta codes 1, 2, 104, 960 or a transient error, a batch entry that timed out twice.
	 * Says nothing about the token; many at once are an outage.
	 */
	record Unreachable(Evidence evidence) implements PublisherOutcome {

		public Unreachable {
			Objects.requireNonNull(evidence, "evidence");
		}

	}

	/**
	 * Token Warden's own set-up is wrong: the app is not configured, the publisher refused our client
	 * credentials or app token (X {@code unauthorized_client}), or a call went to a host not configured.
	 * An operator must act; no user's token is to blame.
	 */
	record Misconfigured(Evidence evidence) implements PublisherOutcome {

		public Misconfigured {
			Objects.requireNonNull(evidence, "evidence");
		}

	}

	/**
	 * The publisher answered, but not in a shape the classifier can read: a success with an HTML, empty or
	 * malformed body, Meta {@code debug_token} with empty {@code data} or without {@code is_valid}, a batch entry
	 * whose body is not the expected JSON, an error status without an error code. Says nothing about the
	 * token (it stays as it is and is checked again next round) and nothing about an outage: the publisher
	 * is up, it is our reading that failed.
	 */
	record Unrecognised(Evidence evidence) implements PublisherOutcome {

		public Unrecognised {
			Objects.requireNonNull(evidence, "evidence");
		}

	}

	/** Throttled: try again at {@code retryAt}, taken from the publisher's usage headers. */
	record RateLimited(Instant retryAt, Evidence evidence) implements PublisherOutcome {

		public RateLimited {
			Objects.requireNonNull(retryAt, "retryAt");
			Objects.requireNonNull(evidence, "evidence");
		}

	}

	/** The publisher no longer accepts the token: the user must re-authorize. */
	record Expired(ExpiryReason reason, Evidence evidence) implements PublisherOutcome {

		public Expired {
			Objects.requireNonNull(reason, "reason");
			Objects.requireNonNull(evidence, "evidence");
		}

	}

	/**
	 * The ad account cannot pay (Meta {@code account_status} 3, 8, 9, or 2 with {@code disable_reason} 3, or
	 * no funding source; X Ads funding errors). The token is still valid: fix billing, don't re-authorize.
	 */
	record FundingSourceInvalid(String adAccountId, Integer accountStatus, Integer disableReason,
			Evidence evidence) implements PublisherOutcome {

		public FundingSourceInvalid {
			Objects.requireNonNull(evidence, "evidence");
		}

	}

	/** The token works but lacks a permission or role (Meta 10, 200-299, 3, 294, 190/492; X 403). */
	record PermissionMissing(Evidence evidence) implements PublisherOutcome {

		public PermissionMissing {
			Objects.requireNonNull(evidence, "evidence");
		}

	}

	/**
	 * The publisher refused this request for a reason outside the classes above (a policy block, a bad
	 * parameter, a used authorization code). Says nothing about the token's validity.
	 */
	record Refused(Evidence evidence) implements PublisherOutcome {

		public Refused {
			Objects.requireNonNull(evidence, "evidence");
		}

	}

	/**
	 * The token works. Times are null when unknown or never: Meta {@code expires_at: 0}, and X's OAuth 1.0a
	 * tokens, which do not expire.
	 */
	record Valid(Instant expiresAt, Instant dataAccessExpiresAt, Set<String> scopes, Evidence evidence)
			implements PublisherOutcome {

		public Valid {
			scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
			Objects.requireNonNull(evidence, "evidence");
		}

	}

}
