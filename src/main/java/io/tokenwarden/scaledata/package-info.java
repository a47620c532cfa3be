/**
 * Fills a database with many accounts for benchmarks (set-based SQL, tokens really encrypted). Knows only
 * tokens (to encrypt them).
 */
@ApplicationModule(displayName = "Scale data", allowedDependencies = { "tokens" })
package io.tokenwarden.scaledata;

import org.springframework.modulith.ApplicationModule;
