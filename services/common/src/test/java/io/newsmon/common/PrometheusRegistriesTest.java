package io.newsmon.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.common.testing.Promtool;
import org.junit.jupiter.api.Test;

class PrometheusRegistriesTest {

  @Test
  void theJvmsMetricsPassPromtoolsLint() throws Exception {
    PrometheusMeterRegistry registry = PrometheusRegistries.create();
    String scrape = registry.scrape();
    assertThat(scrape).contains("jvm_memory_used_bytes").contains("process_cpu_usage");
    Promtool.assertMetricsPass(scrape);
  }
}
