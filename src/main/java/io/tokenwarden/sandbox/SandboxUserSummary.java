package io.tokenwarden.sandbox;

/** One row of the control page: a sandbox user and how broken they are. */
record SandboxUserSummary(long id, String externalId, String name, int passwordVersion, boolean checkpointed,
		int pages, int adAccounts, int unfundedAdAccounts, int activeGrants) {
}
