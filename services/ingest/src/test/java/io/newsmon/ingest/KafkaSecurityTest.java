package io.newsmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.common.NewsmonKafkaSecurityConfigSource;
import io.newsmon.common.testing.SecuredKafka;
import io.newsmon.ingest.feeds.KafkaFeedStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest service's Kafka settings: where they come from, and that its clients get them. */
class KafkaSecurityTest {

  @Test
  void newsmonSecurityVariablesAreQuarkusKafkaSettings() {
    NewsmonKafkaSecurityConfigSource source =
        new NewsmonKafkaSecurityConfigSource(
            Map.of(
                "NEWSMON_SECURITY_PROTOCOL", "SSL",
                "NEWSMON_SSL_TRUSTSTORE_LOCATION", "/etc/newsmon/truststore.p12",
                "NEWSMON_SSL_TRUSTSTORE_PASSWORD", "changeit",
                "NEWSMON_INGEST_FEEDS_FILE", "/feeds.yaml"));

    assertThat(source.getProperties())
        .isEqualTo(
            Map.of(
                "kafka.security.protocol", "SSL",
                "kafka.ssl.truststore.location", "/etc/newsmon/truststore.p12",
                "kafka.ssl.truststore.password", "changeit"));
    assertThat(source.getOrdinal()).isBetween(251, 299);
  }

  @Test
  void theFeedsTableIsFollowedWithTheConnection(@TempDir Path dir) {
    SecuredKafka.assertBuiltWithConnection(dir, kafka -> new KafkaFeedStore(kafka, (id, e) -> {}));
  }
}
