package io.newsmon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.common.KafkaConnection;
import io.newsmon.common.LocalPorts;
import io.newsmon.pipeline.catalog.TopicCatalogFollower;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineConfigTest {

  private static PipelineConfig config(Map<String, String> env) {
    return PipelineConfig.from(env, new Properties());
  }

  @Test
  void theHealthServerAnswersThisMachineOnlyUnlessToldOtherwise() {
    assertThat(config(Map.of("NEWSMON_HEALTH_PORT", "9400")).healthAddress())
        .contains(new InetSocketAddress("127.0.0.1", 9400));
    assertThat(
            config(Map.of("NEWSMON_HEALTH_PORT", "9400", "NEWSMON_HEALTH_HOST", "0.0.0.0"))
                .healthAddress())
        .contains(new InetSocketAddress("0.0.0.0", 9400));
    assertThat(config(Map.of("NEWSMON_HEALTH_HOST", "0.0.0.0")).healthAddress())
        .as("no port: no health server")
        .isEmpty();
    assertThatThrownBy(() -> config(Map.of("NEWSMON_HEALTH_HOST", "")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("health.host");
  }

  @Test
  void thePipelinesOwnClientsConnectAsKafkaStreamsDoes() {
    Properties file = new Properties();
    file.setProperty("ssl.truststore.location", "/etc/newsmon/truststore.p12");
    PipelineConfig config =
        PipelineConfig.from(
            Map.of(
                "NEWSMON_BOOTSTRAP_SERVERS", "k1:9093,k2:9093",
                "NEWSMON_SECURITY_PROTOCOL", "SASL_SSL",
                "NEWSMON_SASL_MECHANISM", "SCRAM-SHA-512",
                "NEWSMON_NUM_STREAM_THREADS", "2",
                "NEWSMON_MAX_POLL_RECORDS", "10"),
            file);

    KafkaConnection kafka = config.kafkaConnection();
    assertThat(kafka.bootstrapServers()).isEqualTo("k1:9093,k2:9093");
    assertThat(kafka.security())
        .isEqualTo(
            Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "ssl.truststore.location", "/etc/newsmon/truststore.p12"));
    Properties streams = config.streamsProperties();
    assertThat(streams).containsAllEntriesOf(kafka.security());
    assertThat(streams.getProperty("bootstrap.servers")).isEqualTo(kafka.bootstrapServers());
  }

  @Test
  void theTopicCatalogFollowerIsGivenThatConnection(@TempDir Path dir) throws Exception {
    // A truststore that does not exist fails the follower's consumer as it is built, and only if
    // the consumer was given the TLS settings.
    String missing = dir.resolve("missing-truststore.p12").toString();
    PipelineConfig config =
        config(
            Map.of(
                "NEWSMON_BOOTSTRAP_SERVERS",
                "127.0.0.1:" + LocalPorts.free(),
                "NEWSMON_SECURITY_PROTOCOL",
                "SSL",
                "NEWSMON_SSL_TRUSTSTORE_LOCATION",
                missing));

    assertThatThrownBy(
            () -> new TopicCatalogFollower(config.kafkaConnection(), StarterTopics.monitor(), null))
        .isInstanceOf(KafkaException.class)
        .rootCause()
        .hasMessageContaining(missing);
  }
}
