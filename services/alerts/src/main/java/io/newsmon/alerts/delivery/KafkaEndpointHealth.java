package io.newsmon.alerts.delivery;

import io.newsmon.avro.EndpointHealth;
import io.newsmon.common.CompactedTopicTable;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The endpoint health book in the compacted {@code alerts.endpoint-health}, followed by every
 * instance. Written only when an endpoint starts failing or recovers, not on every attempt.
 */
public final class KafkaEndpointHealth implements EndpointHealthBook, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KafkaEndpointHealth.class);

  private final Map<String, Instant> failingSince = new ConcurrentHashMap<>();
  private final CompactedTopicTable<EndpointHealth> table;

  public KafkaEndpointHealth(KafkaConnection kafka) {
    this.table =
        new CompactedTopicTable<>(
            kafka,
            TopicCatalog.ALERTS_ENDPOINT_HEALTH,
            AvroSerde.of(EndpointHealth.class),
            "newsmon-alerts-endpoint-health",
            (id, health) -> {
              if (health == null || health.getFailingSince() == null) {
                failingSince.remove(id);
              } else {
                failingSince.put(id, health.getFailingSince());
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
  public Instant failed(String subscriptionId, Instant at) {
    Instant[] started = {null};
    Instant since =
        failingSince.computeIfAbsent(
            subscriptionId,
            id -> {
              started[0] = at;
              return at;
            });
    if (started[0] != null) {
      write(subscriptionId, since, null);
    }
    return since;
  }

  @Override
  public void succeeded(String subscriptionId, Instant at) {
    if (failingSince.remove(subscriptionId) != null) {
      write(subscriptionId, null, at);
    }
  }

  private void write(String subscriptionId, Instant since, Instant success) {
    try {
      table.write(
          subscriptionId,
          EndpointHealth.newBuilder()
              .setSubscriptionId(subscriptionId)
              .setFailingSince(since)
              .setLastSuccessAt(success)
              .build());
    } catch (IllegalStateException e) {
      // The in-memory state still holds; after a restart the period restarts at the next failure.
      LOG.warnf("cannot record the health of subscription %s: %s", subscriptionId, e.getMessage());
    }
  }

  @Override
  public void close() throws InterruptedException {
    table.close();
  }
}
