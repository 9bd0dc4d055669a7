package io.newsmon.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.TopicCatalog;
import io.newsmon.kafka.LocalKafka;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The memory of seen entries against a real broker, across a restart. */
class KafkaSeenEntriesIT {

  private static LocalKafka kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = LocalKafka.start(Files.createTempDirectory("seen-entries-it"));
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  @Test
  void whatOnePollerRemembersARestartedOneKnows() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
    try (KafkaSeenEntries first = new KafkaSeenEntries(kafka.bootstrapServers(), clock)) {
      assertThat(first.awaitLoaded(Duration.ofSeconds(30))).isTrue();
      assertThat(first.seen("local", "https://news.example/a")).isFalse();
      first.remember("local", "https://news.example/a");
      assertThat(first.seen("local", "https://news.example/a")).isTrue();
    }

    try (KafkaSeenEntries restarted = new KafkaSeenEntries(kafka.bootstrapServers(), clock)) {
      assertThat(restarted.awaitLoaded(Duration.ofSeconds(30))).isTrue();
      assertThat(restarted.seen("local", "https://news.example/a")).isTrue();
      assertThat(restarted.seen("other-feed", "https://news.example/a")).as("per feed").isFalse();
    }
  }

  @Test
  void theTopicForgetsKeysNobodyRefreshes() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      ConfigResource topic =
          new ConfigResource(ConfigResource.Type.TOPIC, TopicCatalog.INGEST_SEEN_ENTRIES.name());
      var config = admin.describeConfigs(java.util.List.of(topic)).all().get().get(topic);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact,delete");
      assertThat(config.get("retention.ms").value())
          .isEqualTo(Long.toString(Duration.ofDays(90).toMillis()));
    }
  }
}
