package io.newsmon.ingest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.common.PrometheusRegistries;
import io.newsmon.feeds.KafkaRawArticles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** What feeds and HTTP share: the one {@code news.raw} producer, metrics and the clock. */
@ApplicationScoped
public class IngestBeans {

  @Produces
  @Singleton
  KafkaRawArticles producer(IngestConfig config) {
    return new KafkaRawArticles(config.bootstrapServers(), "newsmon-ingest");
  }

  void close(@Disposes KafkaRawArticles producer) {
    producer.close();
  }

  /** Prometheus metrics, with the JVM's own (memory, GC, threads, CPU, uptime). */
  @Produces
  @Singleton
  PrometheusMeterRegistry meterRegistry() {
    return PrometheusRegistries.create();
  }

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
