package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;

import java.util.List;

/** The control page's content: each publisher's mode and people, and the grants taken back. */
record SandboxOverview(List<Panel> publishers, List<RevokedGrant> revokedGrants) {

	/** One imitation publisher. */
	record Panel(Publisher publisher, boolean facebook, PublisherMode mode, List<SandboxUserSummary> users) {

		Panel(Publisher publisher, PublisherMode mode, List<SandboxUserSummary> users) {
			this(publisher, publisher == Publisher.FACEBOOK, mode, users);
		}

	}

}
