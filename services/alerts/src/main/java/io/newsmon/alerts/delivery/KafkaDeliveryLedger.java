package io.newsmon.alerts.delivery;

import io.newsmon.avro.Alert;
import io.newsmon.common.CompactedTopicView;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The delivery ledger in the compacted topic {@code alerts.sent}: every instance reads it whole at
 * start and follows it, so an alert delivered by one instance, or before a restart, is not
 * delivered again.
 */
public final class KafkaDeliveryLedger implements DeliveryLedger, AutoCloseable {

  private final Set<String> delivered = ConcurrentHashMap.newKeySet();
  private final KafkaProducer<String, Alert> producer;
  private final CompactedTopicView<Alert> view;

  public KafkaDeliveryLedger(String bootstrapServers) {
    AvroSerde<Alert> serde = AvroSerde.of(Alert.class);
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.CLIENT_ID_CONFIG,
                "newsmon-alerts-ledger"),
            new StringSerializer(),
            serde);
    this.view =
        new CompactedTopicView<>(
                bootstrapServers,
                TopicCatalog.ALERTS_SENT.name(),
                serde,
                (id, alert) -> {
                  if (alert != null) {
                    delivered.add(id);
                  }
                })
            .start();
  }

  public boolean isLoaded() {
    return view.isCaughtUp();
  }

  public boolean awaitLoaded(Duration timeout) throws InterruptedException {
    return view.awaitCaughtUp(timeout);
  }

  @Override
  public boolean isDelivered(String alertId) {
    return delivered.contains(alertId);
  }

  @Override
  public void recordDelivered(Alert alert) {
    delivered.add(alert.getAlertId());
    try {
      producer
          .send(new ProducerRecord<>(TopicCatalog.ALERTS_SENT.name(), alert.getAlertId(), alert))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot record delivery of " + alert.getAlertId() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    view.close();
    producer.close(Duration.ofSeconds(5));
  }
}
