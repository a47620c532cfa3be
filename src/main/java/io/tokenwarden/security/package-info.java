/**
 * Form login behind the sign-in throttle, CSRF, security headers, users from the database, and one's
 * sessions. Knows only the agencies (users and roles).
 */
@ApplicationModule(displayName = "Security", allowedDependencies = { "agencies" })
package io.tokenwarden.security;

import org.springframework.modulith.ApplicationModule;
