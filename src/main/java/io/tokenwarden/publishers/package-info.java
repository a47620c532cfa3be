/**
 * The publisher port with its Facebook and X adapters and the classification of every answer. Knows tokens
 * and nothing above them, so an adapter never reaches into a feature.
 */
@ApplicationModule(displayName = "Publishers", allowedDependencies = { "tokens" })
package io.tokenwarden.publishers;

import org.springframework.modulith.ApplicationModule;
