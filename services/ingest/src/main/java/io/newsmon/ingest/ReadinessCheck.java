package io.newsmon.ingest;

import io.newsmon.ingest.feeds.FeedService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the feeds and the memory of seen entries are read from Kafka and polling runs. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

  private final FeedService feeds;

  public ReadinessCheck(FeedService feeds) {
    this.feeds = feeds;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("feeds")
        .status(feeds.polling())
        .withData("feeds", feeds.polling() ? feeds.directory().entries().size() : 0)
        .build();
  }
}
