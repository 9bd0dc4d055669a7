package io.newsmon.alerts.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.common.PrometheusRegistries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The service's one metrics registry (newsmon-common's, as every newsmon service has). */
@ApplicationScoped
public class MetricsBeans {

  @Produces
  @Singleton
  PrometheusMeterRegistry registry() {
    return PrometheusRegistries.create();
  }
}
