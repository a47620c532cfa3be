/**
 * Agencies, users, memberships and roles (the one writer of their tables), the current agency and its
 * switcher. Depends on no other module: nearly every other module depends on it.
 */
@ApplicationModule(displayName = "Agencies")
package io.tokenwarden.agencies;

import org.springframework.modulith.ApplicationModule;
