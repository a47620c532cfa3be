package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;
import org.springframework.context.ApplicationContext;

import java.util.concurrent.atomic.AtomicLong;

/**
 * For tests of Connect: a person at the sandbox publisher whom Token Warden has never seen, in the
 * application context that serves the sandbox (the demo's).
 */
public final class SandboxUsers {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private SandboxUsers() {
	}

	/** A new sandbox user with two Pages and an ad account on Facebook; their publisher id. */
	public static String newPerson(ApplicationContext sandbox, Publisher publisher, String name) {
		SandboxDirectory directory = sandbox.getBean(SandboxDirectory.class);
		String externalId = String.valueOf((publisher == Publisher.X ? 1_700_000_000_000_000_000L : 100_100_000_000_000L)
				+ SEQUENCE.incrementAndGet());
		boolean facebook = publisher == Publisher.FACEBOOK;
		directory.createUser(publisher, externalId, name, facebook ? 2 : 0, facebook ? 1 : 0);
		return externalId;
	}

	/** The sandbox's own id of a publisher user, as its consent page's form sends it. */
	public static long sandboxId(ApplicationContext sandbox, Publisher publisher, String externalId) {
		return sandbox.getBean(SandboxDirectory.class).findUser(publisher, externalId).orElseThrow().id();
	}

	/** Whether Token Warden revoked this person's grant at the sandbox publisher ({@code revoked_by = APP}). */
	public static boolean revokedByTheApp(ApplicationContext sandbox, Publisher publisher, String externalId) {
		return sandbox.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
				select exists (select 1 from sandbox_grant g join sandbox_user u on u.id = g.user_id
				where u.publisher = ? and u.external_id = ? and g.revoked_by = 'APP')""")
			.params(publisher.name(), externalId)
			.query(Boolean.class)
			.single();
	}

}
