package io.newsmon.alerts;

import io.newsmon.alerts.delivery.KafkaDeliveryLedger;
import io.newsmon.alerts.subscription.SubscriptionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once subscriptions, the delivery ledger and endpoint health are loaded from Kafka. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  @Inject SubscriptionStore subscriptions;
  @Inject KafkaDeliveryLedger ledger;
  @Inject io.newsmon.alerts.delivery.KafkaEndpointHealth health;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("newsmon-state")
        .status(subscriptions.isLoaded() && ledger.isLoaded() && health.isLoaded())
        .withData("subscriptions", subscriptions.isLoaded())
        .withData("deliveryLedger", ledger.isLoaded())
        .withData("endpointHealth", health.isLoaded())
        .build();
  }
}
