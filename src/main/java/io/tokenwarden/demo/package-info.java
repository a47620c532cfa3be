/**
 * The demo's agencies, users and accounts (demo profile only).
 */
@ApplicationModule(displayName = "Demo")
package io.tokenwarden.demo;

import org.springframework.modulith.ApplicationModule;
