/**
 * The notice outbox, digests, mail templates, Config > Notifications, and the outbox of emails with a link.
 */
@ApplicationModule(displayName = "Notifications")
package io.tokenwarden.notifications;

import org.springframework.modulith.ApplicationModule;
