package io.tokenwarden.publishers;

/**
 * Whether a campaign delivers: Meta {@code status} and X {@code entity_status} both say ACTIVE or PAUSED;
 * anything else (archived, deleted, draft) is {@link #OTHER}, which Token Warden never sets.
 */
public enum CampaignStatus {

	ACTIVE, PAUSED, OTHER;

	/** The status for a publisher's word; unknown words are {@link #OTHER}. */
	public static CampaignStatus of(String publisherValue) {
		if ("ACTIVE".equals(publisherValue)) {
			return ACTIVE;
		}
		return "PAUSED".equals(publisherValue) ? PAUSED : OTHER;
	}

	/** ACTIVE and PAUSED are the two states a user or an automation may ask for. */
	public boolean settable() {
		return this != OTHER;
	}

}
