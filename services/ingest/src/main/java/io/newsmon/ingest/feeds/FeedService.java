package io.newsmon.ingest.feeds;

import io.newsmon.avro.RawArticle;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TraceIds;
import io.newsmon.feeds.FeedArticles;
import io.newsmon.feeds.FeedFetcher;
import io.newsmon.feeds.FeedList;
import io.newsmon.feeds.FeedPoller;
import io.newsmon.feeds.FeedScheduler;
import io.newsmon.feeds.HostPoliteness;
import io.newsmon.feeds.KafkaRawArticles;
import io.newsmon.feeds.KafkaSeenEntries;
import io.newsmon.feeds.RobotsPolicy;
import io.newsmon.ingest.IngestConfig;
import io.newsmon.ingest.IngestMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Wires newsmon-feeds into the service: reads the feeds file, follows {@code ingest.feeds} and
 * {@code ingest.seen-entries}, and once both are loaded starts the scheduler. Each fetched article
 * is published and acknowledged before its entry is remembered as seen.
 */
@ApplicationScoped
public class FeedService {

  private static final Logger LOG = Logger.getLogger(FeedService.class);
  static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

  private final IngestConfig config;
  private final IngestMetrics metrics;
  private final KafkaRawArticles producer;
  private final KafkaConnection kafka;
  private final Clock clock;

  private FeedScheduler scheduler;
  private FeedDirectory directory;
  private KafkaSeenEntries seen;
  private KafkaFeedStore store;
  private Thread starter;

  public FeedService(
      IngestConfig config,
      IngestMetrics metrics,
      KafkaRawArticles producer,
      KafkaConnection kafka,
      Clock clock) {
    this.config = config;
    this.metrics = metrics;
    this.producer = producer;
    this.kafka = kafka;
    this.clock = clock;
  }

  void start(@Observes StartupEvent event) {
    IngestConfig.Feeds settings = config.feeds();
    FeedList.Loaded file =
        settings.file().map(FeedService::read).orElse(new FeedList.Loaded(List.of(), List.of()));
    for (String problem : file.problems()) {
      LOG.errorf("feeds file %s: %s (that feed is not polled)", settings.file().get(), problem);
    }
    FeedFetcher fetcher =
        new FeedFetcher(
            settings.fetchTimeout(), (int) settings.maxFetchSize().asLongValue(), clock);
    HostPoliteness politeness =
        new HostPoliteness(settings.hostDelay(), settings.maxHostBackoff(), clock);
    RobotsPolicy robots = new RobotsPolicy(fetcher, settings.respectRobots(), clock);
    seen = new KafkaSeenEntries(kafka, clock);
    FeedPoller poller = new FeedPoller(fetcher, politeness, robots, seen, this::publish, clock);
    scheduler =
        new FeedScheduler(poller::poll, politeness, settings.pollThreads(), clock, this::polled);
    directory = new FeedDirectory(file, clock.instant(), scheduler);
    store = new KafkaFeedStore(kafka, directory::stored);
    starter = Thread.ofPlatform().daemon().name("feeds-start").start(this::startWhenLoaded);
  }

  private static FeedList.Loaded read(Path file) {
    try {
      return FeedList.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the feeds file " + file, e);
    }
  }

  /** Polling waits for the memory of seen entries: polling earlier would publish them again. */
  private void startWhenLoaded() {
    try {
      while (!seen.awaitLoaded(Duration.ofSeconds(30))
          || !store.awaitLoaded(Duration.ofSeconds(30))) {
        LOG.warn("still reading ingest.seen-entries and ingest.feeds; feeds are polled after");
      }
      directory.start();
      LOG.infof("polling %d feeds", directory.entries().size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutting down
    }
  }

  private void publish(FeedPoller.FetchedArticle article) {
    String source = directory.sourceOf(article.feedId()).orElse(article.feedId());
    RawArticle raw = FeedArticles.toRaw(article, source, clock.instant(), TraceIds.newId());
    try {
      producer.send(raw).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // The poll stops here; the entry is not remembered, so the next poll tries it again.
      throw new IllegalStateException(
          "news.raw did not take "
              + raw.getArticleId()
              + ": "
              + (e.getCause() != null ? e.getCause() : e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing " + raw.getArticleId(), e);
    }
    metrics.published("feed");
  }

  private void polled(FeedList.Feed feed, FeedPoller.PollReport report, Duration took) {
    metrics.polled(feed, report, took);
    if (report.problem() != null) {
      LOG.warnf("feed %s (%s): %s", feed.id(), feed.url(), report.problem());
    } else if (report.published() > 0 || report.failed() > 0) {
      LOG.infof(
          "feed %s: %d new articles published, %d failed, %d disallowed, %d already seen",
          feed.id(),
          report.published(),
          report.failed(),
          report.disallowed(),
          report.alreadySeen());
    }
  }

  public FeedDirectory directory() {
    return directory;
  }

  public KafkaFeedStore store() {
    return store;
  }

  public FeedScheduler scheduler() {
    return scheduler;
  }

  /** Feeds are being polled: both memories loaded. */
  public boolean polling() {
    return directory != null && directory.started();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    if (starter != null) {
      starter.interrupt();
    }
    if (scheduler != null) {
      scheduler.close();
    }
    if (store != null) {
      store.close();
    }
    if (seen != null) {
      seen.close();
    }
  }
}
