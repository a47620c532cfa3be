package io.tokenwarden.refresh;

import io.tokenwarden.accounts.ConnectOption;
import io.tokenwarden.accounts.ConnectOptions;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.publishers.Publishers;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The "Connect … account" buttons of Config > Accounts: one per publisher, each saying which properties
 * to set while its app is not configured (Facebook's OAuth 2.0 client, X's OAuth 1.0a consumer).
 */
@Component
class ConnectButtons implements ConnectOptions {

	static final String FACEBOOK_PROPERTIES = "spring.security.oauth2.client.registration.facebook.client-id and .client-secret";

	static final String X_PROPERTIES = "tokenwarden.publishers.x.consumer-key and .consumer-secret";

	private final ClientRegistrationRepository registrations;

	private final Publishers publishers;

	ConnectButtons(ClientRegistrationRepository registrations, Publishers publishers) {
		this.registrations = registrations;
		this.publishers = publishers;
	}

	@Override
	public List<ConnectOption> options() {
		return List.of(new ConnectOption(Publisher.FACEBOOK, facebookConfigured() ? null : FACEBOOK_PROPERTIES),
				new ConnectOption(Publisher.X, this.publishers.oauth1Consent().configured() ? null : X_PROPERTIES));
	}

	boolean facebookConfigured() {
		return this.registrations.findByRegistrationId(Publisher.FACEBOOK.registrationId()) != null;
	}

}
