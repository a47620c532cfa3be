package io.tokenwarden.publishers;

/** The publishers whose accounts Token Warden keeps connected. */
public enum Publisher {

	FACEBOOK("Facebook", "facebook"), X("X", "x");

	private final String displayName;

	private final String registrationId;

	Publisher(String displayName, String registrationId) {
		this.displayName = displayName;
		this.registrationId = registrationId;
	}

	/** The publisher's name as users read it. */
	public String displayName() {
		return this.displayName;
	}

	/** The OAuth client registration id ({@code facebook}, {@code x}). */
	public String registrationId() {
		return this.registrationId;
	}

}
