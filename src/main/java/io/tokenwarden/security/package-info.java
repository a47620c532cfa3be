/**
 * Form login behind the sign-in throttle, CSRF, security headers, users from the database, and one's
 * sessions. Knows only the agencies (users and roles) and the flash messages.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = { "agencies", "flash" })
package io.tokenwarden.security;

import org.springframework.modulith.ApplicationModule;
