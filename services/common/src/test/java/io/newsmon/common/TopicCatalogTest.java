package io.newsmon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicCatalogTest {

  @Test
  void namesAreUniqueAndFindable() {
    assertThat(TopicCatalog.ALL).extracting(TopicSpec::name).doesNotHaveDuplicates();
    for (TopicSpec spec : TopicCatalog.ALL) {
      assertThat(TopicCatalog.byName(spec.name())).isSameAs(spec);
    }
  }

  @Test
  void dedupInputHasOnePartitionSoEveryArticleMeetsEveryOther() {
    assertThat(TopicCatalog.NEWS_CLEAN.partitions()).isEqualTo(1);
  }

  @Test
  void compactedTopicsCarryNoRetention() {
    assertThat(TopicCatalog.ALERTS_SUBSCRIPTIONS.kafkaConfig())
        .containsExactly(Map.entry("cleanup.policy", "compact"));
    assertThat(TopicCatalog.NEWS_RAW.kafkaConfig())
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", Long.toString(Duration.ofDays(7).toMillis()));
  }

  @Test
  void anExpiringCompactedTopicDeletesEvenLatestRecordsAfterItsRetention() {
    assertThat(TopicCatalog.INGEST_SEEN_ENTRIES.kafkaConfig())
        .containsEntry("cleanup.policy", "compact,delete")
        .containsEntry("retention.ms", Long.toString(Duration.ofDays(90).toMillis()));
    assertThatThrownBy(
            () -> new TopicSpec("a.b", 1, false, Duration.ofDays(1), "bytes", "x", 0, true))
        .hasMessageContaining("only a compacted topic");
  }

  @Test
  void rejectsNamesThatAreNotDottedKebabNouns() {
    assertThatThrownBy(() -> new TopicSpec("NewsRaw", 1, false, Duration.ofDays(1), "bytes", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kebab");
    assertThatThrownBy(() -> new TopicSpec("news_raw", 1, false, Duration.ofDays(1), "bytes", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new TopicSpec("test.topic", 0, false, Duration.ofDays(1), "bytes", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("partitions");
  }

  @Test
  void envVariablesBecomeDottedKeys() {
    assertThat(
            Env.toConfig(
                Map.of(
                    "NEWSMON_BOOTSTRAP_SERVERS",
                    "h:1",
                    "HOME",
                    "/root",
                    "NEWSMON_DEDUP_THRESHOLD",
                    "0.8")))
        .containsOnly(Map.entry("bootstrap.servers", "h:1"), Map.entry("dedup.threshold", "0.8"));
  }
}
