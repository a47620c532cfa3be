package io.tokenwarden.sandbox;

import io.tokenwarden.publishers.Publisher;

/** A person who signs in at an imitation publisher; {@code externalId} is their Facebook or X user id. */
record SandboxUser(long id, Publisher publisher, String externalId, String name, int passwordVersion,
		boolean checkpointed) {

	/** An X handle made from the name, at most 15 letters and digits as X allows. */
	String username() {
		String handle = this.name.replaceAll("[^A-Za-z0-9]", "");
		return handle.length() > 15 ? handle.substring(0, 15) : handle;
	}

}
