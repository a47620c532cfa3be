package io.tokenwarden.refresh;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tokenwarden.refresh.*}: the consent refresh.
 *
 * @param facebookPkce whether Facebook's consent uses PKCE S256 too; off by default, because Meta documents
 * {@code code_challenge} only for its OIDC login ("still in testing"), not for the code flow Token Warden uses,
 * so a real app may refuse it; {@code state} guards against forged callbacks either way (X uses OAuth 1.0a,
 * where the request token is the state)
 */
@ConfigurationProperties("tokenwarden.refresh")
@Validated
record RefreshSettings(@DefaultValue("false") boolean facebookPkce) {
}
