/**
 * From flagged articles to signed webhook deliveries.
 *
 * <p>{@link io.newsmon.alerts.delivery.AlertDispatcher} is the plain domain class behind the
 * {@code @Incoming} listener: for each flag of an article it finds the subscriptions that want it,
 * derives a deterministic alert id from (subscription, story cluster, topic), skips ids the {@link
 * io.newsmon.alerts.delivery.DeliveryLedger} has already delivered, and hands the rest to {@link
 * io.newsmon.alerts.delivery.WebhookSender}, which signs per Standard Webhooks v1 with the
 * specification's reference library. The deterministic id is also the {@code webhook-id}, so a
 * subscriber can drop any repeat the service itself could not prevent (a crash between a delivery
 * and its ledger write).
 *
 * <p>This is the walking-skeleton delivery: a few quick in-process retries. Durable retries on the
 * specification's schedule, the dead-letter topic for alerts, rate limits and digests are issue 6.
 */
package io.newsmon.alerts.delivery;
