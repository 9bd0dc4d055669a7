/**
 * Operations at a glance for the ops page: {@code OpsMonitor} reads what lives in Kafka (consumer
 * lag, the latest dead letters with their reasons, topic volumes, spikes) without the framework;
 * {@code OpsResource} serves it with this instance's delivery counts to admins. Stage throughput
 * and the page itself come next (issue 8).
 */
package io.newsmon.alerts.ops;
