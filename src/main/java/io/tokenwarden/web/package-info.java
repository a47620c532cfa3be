/**
 * Layout advice, error pages and time formats that every page shares.
 */
@ApplicationModule(displayName = "Web")
package io.tokenwarden.web;

import org.springframework.modulith.ApplicationModule;
