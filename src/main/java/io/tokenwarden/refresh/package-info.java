/**
 * The Refresh icon and Connect: Facebook's OAuth 2.0 and X's OAuth 1.0a consents, the identity check and
 * storing the new token.
 */
@ApplicationModule(displayName = "Refresh")
package io.tokenwarden.refresh;

import org.springframework.modulith.ApplicationModule;
