package io.newsmon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

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
}
