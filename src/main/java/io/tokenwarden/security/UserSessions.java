package io.tokenwarden.security;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's signed-in sessions, across every instance (they live in the database): listed for
 * {@code /account/sessions}, and ended one by one or all but the current one (after a password change,
 * say). Pages never see a session's id, which is as good as its cookie, only a handle derived from it.
 */
@Service
public class UserSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** One signed-in session as its owner sees it. */
	public record SignedInSession(String handle, String userAgent, String address, Instant signedInAt,
			Instant lastSeenAt, boolean current) {

		/** "Firefox on Linux", from the User-Agent; empty when the browser sent none. */
		public String device() {
			return Devices.describe(this.userAgent);
		}

	}

	/** The person's sessions, the current one first, then by last use. */
	public List<SignedInSession> of(String username, String currentSessionId) {
		return byId(username).entrySet().stream()
			.map(e -> new SignedInSession(handle(e.getKey()), e.getValue().getAttribute(SessionDetailsFilter.DEVICE),
					e.getValue().getAttribute(SessionDetailsFilter.ADDRESS), e.getValue().getCreationTime(),
					e.getValue().getLastAccessedTime(), e.getKey().equals(currentSessionId)))
			.sorted(Comparator.comparing(SignedInSession::current).reversed()
				.thenComparing(SignedInSession::lastSeenAt, Comparator.reverseOrder()))
			.toList();
	}

	/** Ends the person's session with this handle; false when they have none with it. */
	public boolean end(String username, String handle) {
		Optional<String> id = byId(username).keySet().stream().filter(candidate -> handle(candidate).equals(handle))
			.findFirst();
		id.ifPresent(this.sessions::deleteById);
		return id.isPresent();
	}

	/**
	 * Ends every session of the person but {@code keepSessionId} (null: all of them), on every instance;
	 * returns how many ended. For "sign out everywhere else" and for a password change.
	 */
	public int endOthers(String username, String keepSessionId) {
		List<String> others = byId(username).keySet().stream().filter(id -> !id.equals(keepSessionId)).toList();
		others.forEach(this.sessions::deleteById);
		return others.size();
	}

	private Map<String, ? extends Session> byId(String username) {
		return this.sessions.findByPrincipalName(username);
	}

	/** A stable, unguessable stand-in for a session id: SHA-256 of it, 128 bits in hex. */
	static String handle(String sessionId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
