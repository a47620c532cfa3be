package io.tokenwarden.refresh;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tokenwarden.refresh.*}: the consent refresh.
 *
 * @param facebookPkce whether Facebook's consent uses PKCE S256 too; off leaves {@code state} alone against
 * forged callbacks, for a Facebook app that refuses PKCE (X uses OAuth 1.0a, where the request token is the state)
 */
@ConfigurationProperties("tokenwarden.refresh")
@Validated
record RefreshSettings(@DefaultValue("true") boolean facebookPkce) {
}
