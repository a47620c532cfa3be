/**
 * The one type of the messages a page shows once at its top (flash messages), which the layout renders.
 * Depends on no other module, so every module's controllers can use it.
 */
@ApplicationModule(displayName = "Flash messages")
package io.tokenwarden.flash;

import org.springframework.modulith.ApplicationModule;
