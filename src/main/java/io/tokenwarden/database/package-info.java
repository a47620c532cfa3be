/**
 * The embedded PostgreSQL that starts when no datasource is configured, and the switch of the demo profile.
 * Depends on no other module.
 */
@ApplicationModule(displayName = "Database")
package io.tokenwarden.database;

import org.springframework.modulith.ApplicationModule;
