/**
 * The demo-only imitation of Facebook and X on the same wire protocol, and the Sandbox control page.
 */
@ApplicationModule(displayName = "Sandbox")
package io.tokenwarden.sandbox;

import org.springframework.modulith.ApplicationModule;
