package io.newsmon.alerts.ops;

import io.newsmon.alerts.AlertsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the plain {@link OpsMonitor} into CDI. */
@ApplicationScoped
public class OpsBeans {

  @Produces
  @Singleton
  OpsMonitor monitor(AlertsConfig config) {
    return new OpsMonitor(config.bootstrapServers(), Clock.systemUTC());
  }

  /** Created at start, so volumes and spikes are read before the page first asks. */
  void start(@Observes StartupEvent event, OpsMonitor monitor) {}

  void close(@Disposes OpsMonitor monitor) throws InterruptedException {
    monitor.close();
  }
}
