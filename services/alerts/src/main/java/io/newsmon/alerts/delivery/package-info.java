/**
 * From flagged articles to signed webhook deliveries, retried durably.
 *
 * <p>Three plain classes carry the logic, each testable without Kafka or Quarkus: {@link
 * io.newsmon.alerts.delivery.AlertDispatcher} plans, for each flag of an article, one delivery per
 * subscription that wants it, with a deterministic alert id from (subscription, story cluster,
 * topic) that is also the {@code webhook-id}, and skips ids the {@link
 * io.newsmon.alerts.delivery.DeliveryLedger} has delivered; {@link
 * io.newsmon.alerts.delivery.DeliveryWorker} makes one attempt of a due delivery and returns a
 * {@link io.newsmon.alerts.delivery.DeliveryStep} (delivered, retry at a time from the {@link
 * io.newsmon.alerts.delivery.RetrySchedule}, postponed, given up with a reason); {@link
 * io.newsmon.alerts.delivery.WebhookSender} signs per Standard Webhooks v1 with the specification's
 * reference library.
 *
 * <p>{@link io.newsmon.alerts.delivery.KafkaDeliveryQueue} is the durable part: pending deliveries
 * live in a compacted topic whose partitions the instances share through a consumer group; an
 * instance rebuilds the schedule of the partitions it gets and writes every step back (delivery
 * log, ledger, dead-letter topic, operational events), so nothing is lost across restarts and
 * rebalances, and nothing is dropped without a trace.
 *
 * <p>Digests reuse all of this rather than running beside it: a digest subscription's deliveries
 * are planned like any other but held until the end of their {@link
 * io.newsmon.alerts.delivery.DigestWindow}. Since a subscription's deliveries share a partition,
 * the instance that owns one owns them all; when the first falls due it takes the window's others
 * into one batch, fixes the batch's {@code webhook-id} on each before sending, and the worker
 * applies one webhook's outcome to every alert in it. No second scheduler, no second store.
 */
package io.newsmon.alerts.delivery;
