/**
 * Scheduled and on-demand token checks, publisher incidents, expiry rules, banners and check history.
 */
@ApplicationModule(displayName = "Health")
package io.tokenwarden.health;

import org.springframework.modulith.ApplicationModule;
