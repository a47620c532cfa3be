package io.tokenwarden.sandbox;

/** A Facebook Page the user has a role on; visible to grants at {@code minLevel} or above. */
record SandboxPage(String pageId, String name, String category, AccessLevel minLevel) {
}
