package io.newsmon.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsmon.feeds.FeedList;
import io.newsmon.feeds.FeedPoller;
import io.newsmon.ingest.articles.ArticleSubmissions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * The ingest service's metrics, named for Prometheus ({@code /q/metrics}):
 *
 * <ul>
 *   <li>{@code newsmon_ingest_articles_total{via}}: articles {@code news.raw} acknowledged, by
 *       {@code feed} or {@code api}
 *   <li>{@code newsmon_ingest_api_refused_total{reason}}: HTTP submissions refused
 *   <li>{@code newsmon_ingest_feed_polls_total{feed,outcome}}: polls {@code ok}, {@code
 *       not_modified} or {@code failed}
 *   <li>{@code newsmon_ingest_feed_entries_total{feed,outcome}}: new entries {@code published},
 *       {@code disallowed} by robots.txt or {@code failed}
 *   <li>{@code newsmon_ingest_feed_poll_seconds{feed}}: how long polls take
 * </ul>
 */
@ApplicationScoped
public class IngestMetrics {

  private final MeterRegistry registry;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Series known in advance start at zero, so rates exist from the first scrape.
    for (String via : List.of("feed", "api")) {
      counter("newsmon.ingest.articles", "Articles news.raw acknowledged", "via", via);
    }
    for (String reason : ArticleSubmissions.REFUSAL_REASONS) {
      counter("newsmon.ingest.api.refused", "HTTP submissions refused", "reason", reason);
    }
    counter("newsmon.ingest.api.refused", "HTTP submissions refused", "reason", KAFKA_UNAVAILABLE);
  }

  /** The refusal reason when Kafka did not take an article in time (503). */
  public static final String KAFKA_UNAVAILABLE = "kafka-unavailable";

  public void published(String via) {
    counter("newsmon.ingest.articles", "Articles news.raw acknowledged", "via", via).increment();
  }

  public void refused(String reason) {
    counter("newsmon.ingest.api.refused", "HTTP submissions refused", "reason", reason).increment();
  }

  private Counter counter(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  public void polled(FeedList.Feed feed, FeedPoller.PollReport report, Duration took) {
    String outcome =
        report.problem() != null ? "failed" : report.notModified() ? "not_modified" : "ok";
    counter("newsmon.ingest.feed.polls", "Feed polls", "feed", feed.id(), "outcome", outcome)
        .increment();
    entries(feed, "published", report.published());
    entries(feed, "disallowed", report.disallowed());
    entries(feed, "failed", report.failed());
    Timer.builder("newsmon.ingest.feed.poll")
        .description("How long feed polls take")
        .tag("feed", feed.id())
        .register(registry)
        .record(took);
  }

  private void entries(FeedList.Feed feed, String outcome, int count) {
    Counter counter =
        counter(
            "newsmon.ingest.feed.entries",
            "New feed entries",
            "feed",
            feed.id(),
            "outcome",
            outcome);
    if (count > 0) {
      counter.increment(count);
    }
  }
}
