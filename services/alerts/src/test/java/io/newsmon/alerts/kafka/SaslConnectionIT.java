package io.newsmon.alerts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.avro.FlaggedArticle;
import io.newsmon.common.CompactedTopicView;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.KafkaHealth;
import io.newsmon.common.TopicCatalog;
import io.newsmon.kafka.BrokerSettings;
import io.newsmon.kafka.LocalKafka;
import io.newsmon.schema.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker whose client port admits one SASL/PLAIN user: the service's hand-made clients work with
 * a connection carrying that user's credentials, and are refused with wrong ones or none.
 */
class SaslConnectionIT {

  private static final BrokerSettings.SaslUser USER =
      new BrokerSettings.SaslUser("alerts", "alerts-pw");

  @TempDir static Path dir;
  private static LocalKafka kafka;

  @BeforeAll
  static void start() {
    kafka = LocalKafka.startWithSaslPlain(dir, USER);
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  @Test
  void withTheCredentialsTheClientsWork() throws Exception {
    KafkaConnection credentials = kafka.connection();
    assertThat(credentials.security()).containsEntry("security.protocol", "SASL_PLAINTEXT");

    try (KafkaHealth health = new KafkaHealth(credentials, TopicCatalog.ALL, Clock.systemUTC())) {
      KafkaHealth.Status status = checked(health);
      assertThat(status.healthy()).as("%s", status).isTrue();
    }

    // The dead-letter producer writes a record nobody can alert on; a view reads it back.
    Set<String> deadLetters = ConcurrentHashMap.newKeySet();
    try (InputDeadLetters letters = new InputDeadLetters(credentials, new SimpleMeterRegistry());
        CompactedTopicView<byte[]> view =
            new CompactedTopicView<>(
                    credentials,
                    TopicCatalog.NEWS_DEAD_LETTER.name(),
                    new ByteArrayDeserializer(),
                    (key, value) -> deadLetters.add(key))
                .start()) {
      FlaggedArticle decoded =
          letters.decode(
              new ConsumerRecord<byte[], byte[]>(
                  TopicCatalog.NEWS_FLAGGED.name(),
                  0,
                  7L,
                  System.currentTimeMillis(),
                  TimestampType.CREATE_TIME,
                  9,
                  -1,
                  "tombstone".getBytes(StandardCharsets.UTF_8),
                  null,
                  new RecordHeaders(),
                  Optional.empty()),
              AvroSerde.of(FlaggedArticle.class));
      assertThat(decoded).isNull();
      assertThat(letters.count(TopicCatalog.NEWS_FLAGGED.name(), InputDeadLetters.EMPTY))
          .isEqualTo(1.0);
      await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.contains("tombstone"));
    }
  }

  @Test
  void withWrongCredentialsOrNoneTheBrokerRefusesThem() throws Exception {
    KafkaConnection wrongPassword =
        KafkaConnection.of(
            kafka.bootstrapServers(),
            new BrokerSettings.SaslUser("alerts", "guessed").clientSecurity());
    try (KafkaHealth health = new KafkaHealth(wrongPassword, TopicCatalog.ALL, Clock.systemUTC())) {
      KafkaHealth.Status status = checked(health);
      assertThat(status.reachable()).isFalse();
      assertThat(status.error()).containsIgnoringCase("authentication failed");
    }

    // Plaintext against a SASL port: the broker drops the connection; nothing is ever answered.
    KafkaConnection none = KafkaConnection.of(kafka.bootstrapServers());
    try (KafkaHealth health = new KafkaHealth(none, List.of(), Clock.systemUTC())) {
      assertThat(checked(health).reachable()).isFalse();
    }
    try (CompactedTopicView<byte[]> view =
        new CompactedTopicView<>(
                none,
                TopicCatalog.NEWS_TOPIC_DEFINITIONS.name(),
                new ByteArrayDeserializer(),
                (key, value) -> {})
            .start()) {
      assertThat(view.awaitCaughtUp(Duration.ofSeconds(10))).isFalse();
    }
  }

  /** The health check's first result. */
  private static KafkaHealth.Status checked(KafkaHealth health) {
    return await().atMost(Duration.ofSeconds(30)).until(health::status, s -> s.checkedAt() != null);
  }
}
