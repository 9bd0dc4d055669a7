package io.newsmon.alerts.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsmon.alerts.AlertsConfig;
import io.newsmon.alerts.kafka.InputDeadLetters;
import io.newsmon.alerts.security.WebhookUrlGuard;
import io.newsmon.alerts.subscription.SubscriptionRegistry;
import io.newsmon.alerts.subscription.SubscriptionStore;
import io.newsmon.common.KafkaConnection;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.SplittableRandom;

/** Wires the plain delivery classes into CDI. */
@ApplicationScoped
public class DeliveryBeans {

  @Produces
  @ApplicationScoped
  @DefaultBean
  KafkaDeliveryLedger ledger(KafkaConnection kafka) {
    return new KafkaDeliveryLedger(kafka);
  }

  void closeLedger(@Disposes KafkaDeliveryLedger ledger) throws InterruptedException {
    ledger.close();
  }

  @Produces
  @ApplicationScoped
  KafkaStorySizes storySizes(KafkaConnection kafka) {
    return new KafkaStorySizes(kafka);
  }

  void closeStorySizes(@Disposes KafkaStorySizes sizes) throws InterruptedException {
    sizes.close();
  }

  @Produces
  @ApplicationScoped
  WebhookUrlGuard webhookUrlGuard(AlertsConfig config) {
    return WebhookUrlGuard.of(config.webhookAllowlist().orElse(java.util.List.of()));
  }

  @Produces
  @ApplicationScoped
  KafkaEndpointHealth endpointHealth(KafkaConnection kafka) {
    return new KafkaEndpointHealth(kafka);
  }

  void closeEndpointHealth(@Disposes KafkaEndpointHealth health) throws InterruptedException {
    health.close();
  }

  @Produces
  @ApplicationScoped
  KafkaDeliveryQueue deliveryQueue(
      AlertsConfig config,
      KafkaConnection kafka,
      SubscriptionRegistry registry,
      KafkaDeliveryLedger ledger,
      KafkaEndpointHealth health,
      WebhookUrlGuard guard,
      SubscriptionStore store,
      MeterRegistry metrics) {
    Clock clock = Clock.systemUTC();
    AlertsConfig.Delivery delivery = config.delivery();
    DeliveryWorker worker =
        new DeliveryWorker(
            registry::get,
            ledger,
            new WebhookSender(delivery.timeout(), clock, guard),
            new EndpointRateLimiter(delivery.ratePerEndpoint(), System::nanoTime),
            health,
            new RetrySchedule(delivery.retrySchedule(), delivery.retryJitter()),
            delivery.disableAfter(),
            clock,
            new SplittableRandom());
    return new KafkaDeliveryQueue(
            kafka,
            worker,
            ledger,
            store::disable,
            () -> store.isLoaded() && ledger.isLoaded() && health.isLoaded(),
            clock,
            delivery.maxInFlight(),
            new DeliveryMetrics(metrics, clock))
        .start();
  }

  void closeDeliveryQueue(@Disposes KafkaDeliveryQueue queue) throws InterruptedException {
    queue.close();
  }

  // At start rather than at the first record, so that its counts are served (at zero) from the
  // start: the NewsmonDeadLetters alert and DemoIT's check of the rules' metrics rely on it.
  @Produces
  @ApplicationScoped
  @Startup
  InputDeadLetters inputDeadLetters(KafkaConnection kafka, MeterRegistry metrics) {
    return new InputDeadLetters(kafka, metrics);
  }

  void closeInputDeadLetters(@Disposes InputDeadLetters deadLetters) {
    deadLetters.close();
  }

  @Produces
  @ApplicationScoped
  DeliveryHistory deliveryHistory(KafkaConnection kafka) {
    return new DeliveryHistory(kafka);
  }

  @Produces
  @ApplicationScoped
  AlertDispatcher dispatcher(
      SubscriptionRegistry registry,
      KafkaDeliveryLedger ledger,
      KafkaStorySizes storySizes,
      KafkaDeliveryQueue queue) {
    return new AlertDispatcher(registry, ledger, storySizes, queue, Clock.systemUTC());
  }
}
