package io.newsmon.alerts;

import io.newsmon.alerts.delivery.KafkaDeliveryLedger;
import io.newsmon.alerts.delivery.KafkaDeliveryQueue;
import io.newsmon.alerts.delivery.KafkaEndpointHealth;
import io.newsmon.alerts.subscription.SubscriptionStore;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.KafkaHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The alert service's health ({@code /q/health}): ready once Kafka answers with every catalog
 * topic, and subscriptions, the delivery ledger and endpoint health are loaded; live while the
 * delivery queue's poller runs (without it no delivery is attempted, so a restart is the cure).
 */
@ApplicationScoped
public class HealthChecks {

  @Inject SubscriptionStore subscriptions;
  @Inject KafkaDeliveryLedger ledger;
  @Inject KafkaEndpointHealth health;
  @Inject KafkaDeliveryQueue queue;
  @Inject KafkaHealth kafka;

  @Produces
  @Singleton
  static KafkaHealth kafkaHealth(KafkaConnection kafka) {
    return new KafkaHealth(kafka, io.newsmon.common.TopicCatalog.ALL, Clock.systemUTC());
  }

  static void closeKafkaHealth(@jakarta.enterprise.inject.Disposes KafkaHealth health) {
    health.close();
  }

  @Produces
  @Readiness
  @ApplicationScoped
  HealthCheck state() {
    return () ->
        HealthCheckResponse.named("newsmon-state")
            .status(subscriptions.isLoaded() && ledger.isLoaded() && health.isLoaded())
            .withData("subscriptions", subscriptions.isLoaded())
            .withData("deliveryLedger", ledger.isLoaded())
            .withData("endpointHealth", health.isLoaded())
            .build();
  }

  @Produces
  @Readiness
  @ApplicationScoped
  HealthCheck kafka() {
    return () -> kafkaResponse(kafka.status());
  }

  @Produces
  @Liveness
  @ApplicationScoped
  HealthCheck deliveryWorkers() {
    return () ->
        HealthCheckResponse.named("delivery-workers")
            .status(queue.isAlive())
            .withData("pending", queue.pendingCount())
            .withData("retryBacklog", queue.retryBacklog())
            .build();
  }

  /** Kafka's status as a health check response, the same in every service. */
  public static HealthCheckResponse kafkaResponse(KafkaHealth.Status status) {
    var response =
        HealthCheckResponse.named("kafka")
            .status(status.healthy())
            .withData("reachable", status.reachable())
            .withData("missingTopics", String.join(",", status.missingTopics()));
    if (status.error() != null) {
      response.withData("error", status.error());
    }
    return response.build();
  }
}
