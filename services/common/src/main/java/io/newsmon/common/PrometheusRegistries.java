package io.newsmon.common;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The metrics registry of every newsmon service: Prometheus text format, the JVM's own metrics
 * (memory, GC, threads, CPU, uptime), and only names that pass {@code promtool check metrics}.
 *
 * <p>Plain Micrometer rather than the Quarkus extension: the same code serves the Kafka Streams
 * pipeline, and the package registry this project builds from serves no {@code quarkus-micrometer}
 * for the Quarkus version it uses.
 */
public final class PrometheusRegistries {

  private PrometheusRegistries() {}

  /**
   * Buckets of every newsmon latency histogram, from 10 ms (the goal is seconds) to 5 minutes: the
   * same in every service, so ingest-to-flagged and ingest-to-delivered compare bucket by bucket.
   */
  public static Duration[] latencyBuckets() {
    return LATENCY_BUCKETS.clone();
  }

  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60),
    Duration.ofMinutes(5)
  };

  static boolean lintFailingKafkaMetric(Meter.Id id) {
    String name = id.getName();
    return name.startsWith("kafka.")
        && (name.contains("node.request.latency")
            || name.endsWith("connection.count")
            || name.contains(".time.ns")
            || name.endsWith(".time.ms"));
  }

  public static PrometheusMeterRegistry create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry
        .config()
        // promtool's lint: "_count" is for histograms and summaries, "ns" is an abbreviated
        // unit; process_cpu_usage and system_cpu_usage say the same in base units.
        .meterFilter(MeterFilter.denyNameStartsWith("system.cpu.count"))
        .meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"))
        // Kafka clients' own metrics: per-broker request latencies come without help text, and
        // the nanosecond and millisecond times cannot be rescaled to the seconds promtool wants
        // (the ratios and averages beside them carry the same news); "_count" is kept for
        // histograms, so connection counts go too.
        .meterFilter(MeterFilter.deny(PrometheusRegistries::lintFailingKafkaMetric));

    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }
}
