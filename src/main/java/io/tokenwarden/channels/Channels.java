package io.tokenwarden.channels;

import io.tokenwarden.audit.AuditLog;
import io.tokenwarden.tokens.TokenCipher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The channels module's API: an agency's Slack, Teams and generic webhook channels, their delivery logs,
 * and the sender. The caller checks that the person is an admin of the agency; a channel of another
 * agency does not exist here.
 */
@Service
public class Channels {

	/** Rows per page of a channel's delivery log. */
	public static final int PAGE_SIZE = 25;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ChannelStore store;

	private final DeliveryOutbox outbox;

	private final ChannelRules rules;

	private final ChannelAlerts alerts;

	private final ChannelSender sender;

	private final TokenCipher cipher;

	private final AuditLog audit;

	private final Clock clock;

	Channels(ChannelStore store, DeliveryOutbox outbox, ChannelRules rules, ChannelAlerts alerts, ChannelSender sender,
			TokenCipher cipher, AuditLog audit, Clock clock) {
		this.store = store;
		this.outbox = outbox;
		this.rules = rules;
		this.alerts = alerts;
		this.sender = sender;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ChannelView> list(long agencyId) {
		return this.store.list(agencyId);
	}

	@Transactional(readOnly = true)
	public Optional<ChannelView> find(long agencyId, long channelId) {
		return this.store.find(agencyId, channelId);
	}

	/**
	 * Adds the channel if it passes the rules and its address is not a channel of the agency already (a
	 * double click adds one). The address and the signing secret are stored encrypted, bound to the row.
	 */
	@Transactional
	public AddResult add(long agencyId, String actor, NewChannel request) {
		ChannelRules.Checked checked = this.rules.check(request);
		if (checked.refusal() != null) {
			return new AddResult(null, null, checked.refusal());
		}
		NewChannel channel = checked.channel();
		String fingerprint = ChannelRules.fingerprint(channel.url());
		if (this.store.urlTaken(agencyId, fingerprint)) {
			return new AddResult(null, null, "channels.error.taken");
		}
		Instant now = this.clock.instant();
		String hint = ChannelRules.hint(channel.url());
		long id = this.store.insert(agencyId, channel, fingerprint, hint, actor, now);
		String secret = channel.kind() == ChannelKind.WEBHOOK ? newSecret() : null;
		this.store.storeSecrets(id, this.cipher.seal(ChannelStore.URL_PURPOSE, id, channel.url()),
				secret == null ? null : this.cipher.seal(ChannelStore.SECRET_PURPOSE, id, secret));
		this.audit.record("channel_added", actor, agencyId, null,
				channel.kind() + " channel " + id + " '" + channel.name() + "' to " + hint + ", events " + channel.events(),
				null);
		return new AddResult(this.store.find(agencyId, id).orElseThrow(), secret, null);
	}

	/**
	 * Removes the channel: its address and secret are erased, and its messages not sent yet are withdrawn.
	 * Empty when the agency never had it; false when it was removed already (a double click).
	 */
	@Transactional
	public Optional<Boolean> remove(long agencyId, long channelId, String actor) {
		if (!this.store.existed(agencyId, channelId)) {
			return Optional.empty();
		}
		boolean removed = this.store.remove(agencyId, channelId, actor, this.clock.instant());
		if (removed) {
			this.outbox.cancelWaiting(channelId);
			this.audit.record("channel_removed", actor, agencyId, null, "channel " + channelId, null);
		}
		return Optional.of(removed);
	}

	/** Queues a test message to the channel; false when the agency has no such channel. */
	@Transactional
	public boolean sendTest(long agencyId, long channelId) {
		Optional<ChannelStore.Recipient> recipient = this.store.recipient(agencyId, channelId);
		Optional<ChannelView> channel = this.store.find(agencyId, channelId);
		if (recipient.isEmpty() || channel.isEmpty()) {
			return false;
		}
		this.alerts.test(recipient.get(), channel.get().name());
		return true;
	}

	/** One page of the channel's delivery log, newest first (the caller found the channel in its agency). */
	@Transactional(readOnly = true)
	public DeliveryPage deliveries(long channelId, int page) {
		return this.outbox.page(channelId, Math.max(0, page), PAGE_SIZE);
	}

	/** Runs one send round now, whatever the schedule; safe alongside the scheduled rounds of any instance. */
	public int sendDueNow() {
		return this.sender.sendDue();
	}

	/** Messages waiting to go out to every channel (pending or retrying). */
	@Transactional(readOnly = true)
	public long waiting() {
		return this.outbox.waiting();
	}

	/** 32 random bytes, base64url, with a prefix that says what it is when found in a config file. */
	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "twsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
