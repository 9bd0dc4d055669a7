/**
 * Prometheus metrics at {@code GET /metrics}: the registry of newsmon-common (JVM metrics, names
 * that pass promtool) and the delivery metrics of {@code DeliveryMetrics}. Plain Micrometer rather
 * than the Quarkus extension, which the registry this project builds from does not serve for its
 * Quarkus version.
 */
package io.newsmon.alerts.metrics;
