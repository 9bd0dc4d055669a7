package io.newsmon.alerts.delivery;

import io.newsmon.alerts.AlertsConfig;
import io.newsmon.alerts.security.WebhookUrlGuard;
import io.newsmon.alerts.subscription.SubscriptionRegistry;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Wires the plain delivery classes into CDI. */
@ApplicationScoped
public class DeliveryBeans {

  @Produces
  @ApplicationScoped
  @DefaultBean
  KafkaDeliveryLedger ledger(AlertsConfig config) {
    return new KafkaDeliveryLedger(config.bootstrapServers());
  }

  void closeLedger(@Disposes KafkaDeliveryLedger ledger) throws InterruptedException {
    ledger.close();
  }

  @Produces
  @ApplicationScoped
  KafkaStorySizes storySizes(AlertsConfig config) {
    return new KafkaStorySizes(config.bootstrapServers());
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
  AlertDispatcher dispatcher(
      AlertsConfig config,
      SubscriptionRegistry registry,
      KafkaDeliveryLedger ledger,
      KafkaStorySizes storySizes,
      WebhookUrlGuard guard,
      io.newsmon.alerts.subscription.SubscriptionStore store) {
    Clock clock = Clock.systemUTC();
    return new AlertDispatcher(
        registry,
        ledger,
        storySizes,
        new WebhookSender(config.delivery().timeout(), clock, guard),
        config.delivery().retryDelays(),
        clock,
        store::disable,
        new EndpointRateLimiter(config.delivery().ratePerEndpoint(), System::nanoTime));
  }
}
