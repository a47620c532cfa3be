/**
 * Prometheus gauges of what Token Warden watches: accounts by publisher and status, expiries ahead,
 * outbox depths and open publisher incidents, all from one statement per scrape.
 */
package io.tokenwarden.metrics;
