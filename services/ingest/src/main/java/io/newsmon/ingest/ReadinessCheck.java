package io.newsmon.ingest;

import io.newsmon.common.KafkaConnection;
import io.newsmon.common.KafkaHealth;
import io.newsmon.common.TopicCatalog;
import io.newsmon.ingest.feeds.FeedService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The ingest service's readiness ({@code /q/health/ready}): Kafka answers with every catalog topic,
 * and the feeds and the memory of seen entries are read, so polling runs.
 */
@ApplicationScoped
public class ReadinessCheck {

  private final FeedService feeds;
  private final KafkaHealth kafka;

  public ReadinessCheck(FeedService feeds, KafkaHealth kafka) {
    this.feeds = feeds;
    this.kafka = kafka;
  }

  @Produces
  @Singleton
  static KafkaHealth kafkaHealth(KafkaConnection kafka) {
    return new KafkaHealth(kafka, TopicCatalog.ALL, Clock.systemUTC());
  }

  static void closeKafkaHealth(@Disposes KafkaHealth health) {
    health.close();
  }

  @Produces
  @Readiness
  @ApplicationScoped
  HealthCheck feeds() {
    return () ->
        HealthCheckResponse.named("feeds")
            .status(feeds.polling())
            .withData("feeds", feeds.polling() ? feeds.directory().entries().size() : 0)
            .build();
  }

  @Produces
  @Readiness
  @ApplicationScoped
  HealthCheck kafka() {
    return () -> {
      KafkaHealth.Status status = kafka.status();
      var response =
          HealthCheckResponse.named("kafka")
              .status(status.healthy())
              .withData("reachable", status.reachable())
              .withData("missingTopics", String.join(",", status.missingTopics()));
      if (status.error() != null) {
        response.withData("error", status.error());
      }
      return response.build();
    };
  }
}
