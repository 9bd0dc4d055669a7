package io.newsmon.ingest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.PrometheusRegistries;
import io.newsmon.common.QuarkusKafkaSettings;
import io.newsmon.feeds.KafkaRawArticles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * What feeds and HTTP share: the Kafka connection, the one {@code news.raw} producer, metrics and
 * the clock.
 */
@ApplicationScoped
public class IngestBeans {

  private static final Logger LOG = Logger.getLogger(IngestBeans.class);

  /**
   * The one connection every Kafka client of the service is given (the {@code news.raw} producer,
   * the feeds and seen-entries tables, the health check): the brokers and the security settings of
   * Quarkus' global {@code kafka.*} configuration, where the {@code NEWSMON_SASL_*} and like
   * variables put them ({@link io.newsmon.common.NewsmonKafkaSecurityConfigSource}).
   */
  // @Singleton: a record cannot be given the client proxy @ApplicationScoped needs.
  @Produces
  @Singleton
  KafkaConnection kafkaConnection(IngestConfig ingest, Config config) {
    KafkaConnection kafka =
        QuarkusKafkaSettings.connection(
            ingest.bootstrapServers(),
            config.getPropertyNames(),
            name -> config.getOptionalValue(name, String.class));
    LOG.infof("connecting to Kafka as %s", kafka); // names the settings, never their values
    return kafka;
  }

  @Produces
  @Singleton
  KafkaRawArticles producer(KafkaConnection kafka) {
    return new KafkaRawArticles(kafka, "newsmon-ingest");
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
