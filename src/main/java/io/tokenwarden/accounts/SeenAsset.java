package io.tokenwarden.accounts;

import java.util.List;

/** A page, ad account or profile an account's token could see at its last refresh, and the user's tasks on it. */
public record SeenAsset(String kind, String assetId, String name, List<String> tasks) {

	public SeenAsset {
		tasks = tasks == null ? List.of() : List.copyOf(tasks);
	}

	/** Admin-level access: Meta MANAGE, or X's own profile. */
	public boolean fullAccess() {
		return this.tasks.contains("MANAGE") || this.tasks.contains("OWNER");
	}

}
