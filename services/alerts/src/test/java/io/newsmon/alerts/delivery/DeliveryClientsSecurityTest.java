package io.newsmon.alerts.delivery;

import static io.newsmon.common.testing.SecuredKafka.SASL_SSL;
import static io.newsmon.common.testing.SecuredKafka.assertBuiltWithConnection;
import static io.newsmon.common.testing.SecuredKafka.assertSecured;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.TopicCatalog;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Kafka client of the delivery package connects as the service's connection says. */
class DeliveryClientsSecurityTest {

  @Test
  void theQueuesProducerAndConsumerKeepTheirSettingsBesideTheConnection() {
    assertSecured(KafkaDeliveryQueue.producerConfig(SASL_SSL));
    assertThat(KafkaDeliveryQueue.producerConfig(SASL_SSL))
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", true);
    assertSecured(KafkaDeliveryQueue.consumerConfig(SASL_SSL));
    assertThat(KafkaDeliveryQueue.consumerConfig(SASL_SSL))
        .containsEntry("group.id", "newsmon-alerts-deliveries")
        .containsEntry("isolation.level", "read_committed");
  }

  @Test
  void historyQueriesUseTheConnection(@TempDir Path dir) {
    assertSecured(DeliveryHistory.consumerConfig(SASL_SSL));
    // The consumer is made per query.
    assertBuiltWithConnection(
        dir,
        kafka ->
            new DeliveryHistory(kafka)
                .finished(
                    TopicCatalog.ALERTS_DELIVERED.name(), "s", Instant.EPOCH, Instant.now(), 1));
  }

  @Test
  void theCompactedTopicsAreFollowedWithTheConnection(@TempDir Path dir) {
    assertBuiltWithConnection(dir, KafkaStorySizes::new);
    assertBuiltWithConnection(dir, KafkaDeliveryLedger::new);
    assertBuiltWithConnection(dir, KafkaEndpointHealth::new);
  }
}
