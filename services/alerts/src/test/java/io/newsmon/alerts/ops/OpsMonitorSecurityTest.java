package io.newsmon.alerts.ops;

import static io.newsmon.common.testing.SecuredKafka.SASL_SSL;
import static io.newsmon.common.testing.SecuredKafka.assertBuiltWithConnection;
import static io.newsmon.common.testing.SecuredKafka.assertSecured;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ops page reads Kafka as the service's connection says. */
class OpsMonitorSecurityTest {

  @Test
  void theAdminClientAndTheDeadLetterReaderGetTheConnection() {
    assertSecured(OpsMonitor.adminConfig(SASL_SSL));
    assertThat(OpsMonitor.adminConfig(SASL_SSL)).containsEntry("client.id", "newsmon-ops");
    assertSecured(OpsMonitor.deadLetterConsumerConfig(SASL_SSL));
    assertThat(OpsMonitor.deadLetterConsumerConfig(SASL_SSL))
        .containsEntry("isolation.level", "read_committed")
        .doesNotContainKey("group.id");
  }

  @Test
  void itIsBuiltWithTheConnection(@TempDir Path dir) {
    assertBuiltWithConnection(dir, kafka -> new OpsMonitor(kafka, Clock.systemUTC()));
  }
}
