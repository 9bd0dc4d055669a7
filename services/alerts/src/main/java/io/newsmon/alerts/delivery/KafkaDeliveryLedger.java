package io.newsmon.alerts.delivery;

import io.newsmon.avro.Alert;
import io.newsmon.common.CompactedTopicTable;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The delivery ledger in the compacted topic {@code alerts.sent}: every instance reads it whole at
 * start and follows it, so an alert delivered by one instance, or before a restart, is not
 * delivered again.
 */
public final class KafkaDeliveryLedger implements DeliveryLedger, AutoCloseable {

  private final Set<String> delivered = ConcurrentHashMap.newKeySet();
  private final CompactedTopicTable<Alert> table;

  public KafkaDeliveryLedger(KafkaConnection kafka) {
    AvroSerde<Alert> serde = AvroSerde.of(Alert.class);
    this.table =
        new CompactedTopicTable<>(
            kafka,
            TopicCatalog.ALERTS_SENT,
            serde,
            "newsmon-alerts-ledger",
            (id, alert) -> {
              if (alert != null) {
                delivered.add(id);
              }
            });
  }

  public boolean isLoaded() {
    return table.isCaughtUp();
  }

  public boolean awaitLoaded(Duration timeout) throws InterruptedException {
    return table.awaitCaughtUp(timeout);
  }

  @Override
  public boolean isDelivered(String alertId) {
    return delivered.contains(alertId);
  }

  @Override
  public void recordDelivered(Alert alert) {
    delivered.add(alert.getAlertId());
    try {
      table.write(alert.getAlertId(), alert);
    } catch (IllegalStateException e) {
      if (!Thread.currentThread().isInterrupted()) {
        throw e; // interrupted: the service is stopping; the delivery is remembered locally
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    table.close();
  }
}
