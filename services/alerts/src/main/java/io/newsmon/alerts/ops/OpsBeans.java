package io.newsmon.alerts.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.alerts.AlertsConfig;
import io.newsmon.common.KafkaConnection;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Wires the plain {@link OpsMonitor} into CDI. */
@ApplicationScoped
public class OpsBeans {

  @Produces
  @Singleton
  OpsMonitor monitor(KafkaConnection kafka, PrometheusMeterRegistry registry) {
    OpsMonitor monitor = new OpsMonitor(kafka, Clock.systemUTC());
    // Every group's lag (the pipeline's and this service's), from committed and end offsets.
    for (String group : OpsMonitor.GROUPS) {
      Gauge.builder("newsmon.consumer.group.lag", monitor, m -> m.lag(group))
          .description("Records a consumer group has yet to read (-1: Kafka did not answer)")
          .tag("group", group)
          .register(registry);
    }
    return monitor;
  }

  @Produces
  @Singleton
  StageThroughput throughput(AlertsConfig config) {
    StageThroughput throughput =
        new StageThroughput(
            config.ops().pipelineMetricsUrls().orElse(java.util.List.of()), Clock.systemUTC());
    if (throughput.configured()) {
      sampler.scheduleWithFixedDelay(
          throughput::sample, 0, StageThroughput.EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }
    return throughput;
  }

  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("ops-throughput").unstarted(r));

  /** Created at start, so volumes, spikes and throughput are read before the page first asks. */
  void start(@Observes StartupEvent event, OpsMonitor monitor, StageThroughput throughput) {}

  void stop(@Observes ShutdownEvent event) {
    sampler.shutdownNow();
  }

  void close(@Disposes OpsMonitor monitor) throws InterruptedException {
    monitor.close();
  }
}
