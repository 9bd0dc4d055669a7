package io.newsmon.alerts.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.common.PrometheusRegistries;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The alert service's delivery metrics, named for Prometheus:
 *
 * <ul>
 *   <li>{@code newsmon_alerts_deliveries_total{outcome}}: steps of due deliveries: {@code
 *       delivered}, {@code retried}, {@code given_up}, {@code postponed}, {@code dropped}
 *       (subscription deleted), {@code already_delivered} (by another instance or before a restart)
 *   <li>{@code newsmon_alerts_pending_deliveries} and {@code newsmon_alerts_retry_backlog}:
 *       deliveries this instance owns and has not finished, and those of them that failed at least
 *       once
 *   <li>{@code newsmon_alerts_webhook_request_seconds}: histogram of webhook attempts, from sending
 *       to the response or the failure
 *   <li>{@code newsmon_ingest_to_delivered_seconds}: histogram of the time from a producer handing
 *       the article to Kafka to its alert's 2xx
 * </ul>
 */
public final class DeliveryMetrics {

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<Class<?>, Counter> outcomes;
  private final Timer webhookRequests;
  private final Timer ingestToDelivered;
  private final Counter ownershipLapses;

  public DeliveryMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    this.outcomes =
        Map.of(
            DeliveryStep.Delivered.class, outcome("delivered"),
            DeliveryStep.Retry.class, outcome("retried"),
            DeliveryStep.GiveUp.class, outcome("given_up"),
            DeliveryStep.Postponed.class, outcome("postponed"),
            DeliveryStep.Dropped.class, outcome("dropped"),
            DeliveryStep.AlreadyDelivered.class, outcome("already_delivered"));
    this.webhookRequests =
        Timer.builder("newsmon.alerts.webhook.request")
            .description("Webhook attempts, from sending to the response or the failure")
            .serviceLevelObjectives(PrometheusRegistries.latencyBuckets())
            .register(registry);
    this.ownershipLapses =
        Counter.builder("newsmon.alerts.ownership.lapses")
            .description(
                "Times the delivery queue went without a poll longer than its ownership lease"
                    + " (process frozen or starved) and gave its partitions up to rejoin")
            .register(registry);
    this.ingestToDelivered =
        Timer.builder("newsmon.ingest.to.delivered")
            .description("From a producer handing an article to Kafka to its alert's 2xx")
            .serviceLevelObjectives(PrometheusRegistries.latencyBuckets())
            .register(registry);
  }

  /** Metrics nobody scrapes: for tests. */
  public static DeliveryMetrics unregistered() {
    return new DeliveryMetrics(new SimpleMeterRegistry(), Clock.systemUTC());
  }

  private Counter outcome(String outcome) {
    return Counter.builder("newsmon.alerts.deliveries")
        .description("Steps of due deliveries, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  /**
   * Gauges of what a queue holds. Micrometer holds a gauge's object weakly by default, and the
   * suppliers here are method references nothing else keeps: the gauges turned NaN at the first
   * collection that cleared them (a fault scenario waiting on the retry backlog found it), so they
   * hold their suppliers strongly.
   */
  void watch(IntSupplier pending, IntSupplier retryBacklog) {
    Gauge.builder("newsmon.alerts.pending.deliveries", pending, IntSupplier::getAsInt)
        .description("Deliveries this instance owns and has not finished")
        .strongReference(true)
        .register(registry);
    Gauge.builder("newsmon.alerts.retry.backlog", retryBacklog, IntSupplier::getAsInt)
        .description("Pending deliveries that failed at least once")
        .strongReference(true)
        .register(registry);
  }

  /** The queue's ownership lease lapsed: it dropped its schedules and rejoined the group. */
  void ownershipLapsed() {
    ownershipLapses.increment();
  }

  /** One step the queue carried out. */
  void stepped(DeliveryStep step) {
    outcomes.get(step.getClass()).increment();
    DeliveryResult result =
        switch (step) {
          case DeliveryStep.Delivered d -> d.result();
          case DeliveryStep.Retry r -> r.result();
          case DeliveryStep.GiveUp g -> g.result();
          default -> null;
        };
    if (result != null) {
      webhookRequests.record(Duration.ofMillis(result.latencyMillis()));
    }
    if (step instanceof DeliveryStep.Delivered delivered
        && delivered.delivery().ingestedAt() != null) {
      Duration latency = Duration.between(delivered.delivery().ingestedAt(), clock.instant());
      ingestToDelivered.record(latency.isNegative() ? Duration.ZERO : latency);
    }
  }
}
