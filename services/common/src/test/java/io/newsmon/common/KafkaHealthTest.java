package io.newsmon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaHealthTest {

  @Test
  void aClusterThatDoesNotAnswerIsUnhealthyWithTheReason() throws Exception {
    int port;
    try (ServerSocket unused = new ServerSocket(0)) {
      port = unused.getLocalPort(); // closed again: nothing listens there
    }
    try (KafkaHealth health =
        new KafkaHealth("127.0.0.1:" + port, TopicCatalog.ALL, Clock.systemUTC())) {
      assertThat(health.status().healthy()).as("before the first check").isFalse();
      await().atMost(Duration.ofSeconds(30)).until(() -> health.status().checkedAt() != null);
      KafkaHealth.Status status = health.status();
      assertThat(status.healthy()).isFalse();
      assertThat(status.reachable()).isFalse();
      assertThat(status.error()).isNotBlank();
      assertThat(status.missingTopics()).isEqualTo(List.of());
    }
  }
}
