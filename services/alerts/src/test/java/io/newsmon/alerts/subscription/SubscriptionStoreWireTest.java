package io.newsmon.alerts.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.avro.Subscription;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionStoreWireTest {

  private static final String TOPIC = TopicCatalog.ALERTS_SUBSCRIPTIONS.name();

  @Test
  void filtersAndDigestSurviveTheCompactedTopic() {
    WebhookSubscription subscription =
        new WebhookSubscription(
            "sub_1",
            "acme",
            new AlertFilter(
                Set.of("border-tensions"), 0.4, Set.of("en"), Set.of("UA", "PL"), Set.of("tass")),
            URI.create("https://hooks.example.org/x"),
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            30,
            WebhookSubscription.Status.PAUSED,
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-02T00:00:00Z"),
            null,
            null);
    AvroSerde<Subscription> serde = AvroSerde.of(Subscription.class);
    byte[] bytes = serde.serializer().serialize(TOPIC, SubscriptionStore.toWire(subscription));

    WebhookSubscription read =
        SubscriptionStore.fromWire(serde.deserializer().deserialize(TOPIC, bytes));

    assertThat(read).isEqualTo(subscription);
  }
}
