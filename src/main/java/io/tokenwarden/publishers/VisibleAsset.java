package io.tokenwarden.publishers;

import java.util.List;

/**
 * A page, ad account or profile a token can see, with what the token's user may do on it
 * (Meta {@code tasks}/{@code user_tasks} such as MANAGE, ADVERTISE; X: OWNER of its own profile).
 */
public record VisibleAsset(AssetKind kind, String id, String name, List<String> tasks) {

	public VisibleAsset {
		tasks = tasks == null ? List.of() : List.copyOf(tasks);
	}

	/** What sort of asset it is. */
	public enum AssetKind {

		PAGE, AD_ACCOUNT, PROFILE

	}

}
