/**
 * The demo's agencies, users and accounts, its mail catcher ({@code /dev/mail}) and its announcement in the
 * log (demo profile only).
 */
@ApplicationModule(displayName = "Demo")
package io.tokenwarden.demo;

import org.springframework.modulith.ApplicationModule;
