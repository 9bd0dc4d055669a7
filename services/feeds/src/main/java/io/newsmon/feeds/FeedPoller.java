package io.newsmon.feeds;

import io.newsmon.common.ContentTypes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One poll of one feed: fetch it (conditionally), read its entries, and for each entry not seen
 * before fetch the article page and hand it on, politely (one request at a time per host,
 * robots.txt respected). Plain and synchronous: the service around it decides when each feed is due
 * and where articles and the memory of seen entries live (Kafka).
 *
 * <p>What is remembered as seen: an entry whose article was handed on, or whose article will not
 * come (robots.txt forbids it, 404, 410, no link). An entry whose article failed for a reason that
 * may heal (timeout, 5xx, 429) is not, so the next poll tries it again.
 */
public final class FeedPoller {

  /** A feed to poll. */
  public record FeedSource(String id, URI url) {
    public FeedSource {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(url, "url");
    }
  }

  /** The memory of entries already handed on (or given up), per feed. */
  public interface SeenEntries {
    boolean seen(String feedId, String entryId);

    void remember(String feedId, String entryId);
  }

  /** An article page fetched for a feed entry, with what a producer record needs. */
  public record FetchedArticle(
      String feedId,
      FeedEntry entry,
      URI url,
      byte[] body,
      String contentType,
      String charset,
      Instant fetchedAt) {}

  /** Where fetched articles go (news.raw, in the service). */
  @FunctionalInterface
  public interface ArticleSink {
    void accept(FetchedArticle article);
  }

  /**
   * What one poll did.
   *
   * @param problem why the feed itself could not be read, or null
   */
  public record PollReport(
      String feedId,
      boolean notModified,
      int entries,
      int published,
      int alreadySeen,
      int disallowed,
      int failed,
      String problem) {}

  private final FeedFetcher fetcher;
  private final HostPoliteness politeness;
  private final RobotsPolicy robots;
  private final SeenEntries seen;
  private final ArticleSink sink;
  private final Clock clock;
  private final Map<String, FeedFetcher.Validators> validators = new ConcurrentHashMap<>();

  public FeedPoller(
      FeedFetcher fetcher,
      HostPoliteness politeness,
      RobotsPolicy robots,
      SeenEntries seen,
      ArticleSink sink,
      Clock clock) {
    this.fetcher = fetcher;
    this.politeness = politeness;
    this.robots = robots;
    this.seen = seen;
    this.sink = sink;
    this.clock = clock;
  }

  public PollReport poll(FeedSource feed) throws InterruptedException {
    if (!robots.allows(feed.url())) {
      return new PollReport(feed.id(), false, 0, 0, 0, 1, 0, "robots.txt disallows the feed");
    }
    FeedFetcher.Result result =
        politely(
            feed.url(),
            () ->
                fetcher.fetch(
                    feed.url(), validators.getOrDefault(feed.id(), FeedFetcher.Validators.NONE)));
    switch (result) {
      case FeedFetcher.NotModified notModified -> {
        return new PollReport(feed.id(), true, 0, 0, 0, 0, 0, null);
      }
      case FeedFetcher.Failed failed -> {
        return new PollReport(feed.id(), false, 0, 0, 0, 0, 0, failed.reason());
      }
      case FeedFetcher.Fetched fetched -> {
        FeedParser.Result parsed =
            FeedParser.parse(fetched.body(), fetched.url(), fetched.contentType());
        if (parsed instanceof FeedParser.Unreadable unreadable) {
          return new PollReport(feed.id(), false, 0, 0, 0, 0, 0, unreadable.reason());
        }
        // Validators only once the document was read: a broken one is fetched whole next time.
        validators.put(feed.id(), fetched.validators());
        return entries(feed, ((FeedParser.Parsed) parsed).feed());
      }
    }
  }

  private PollReport entries(FeedSource feed, ParsedFeed document) throws InterruptedException {
    int published = 0;
    int alreadySeen = 0;
    int disallowed = 0;
    int failed = 0;
    for (FeedEntry entry : document.entries()) {
      if (seen.seen(feed.id(), entry.entryId())) {
        alreadySeen++;
        continue;
      }
      if (entry.link() == null) {
        seen.remember(feed.id(), entry.entryId()); // nothing to fetch, now or later
        failed++;
        continue;
      }
      if (!robots.allows(entry.link())) {
        seen.remember(feed.id(), entry.entryId());
        disallowed++;
        continue;
      }
      FeedFetcher.Result page =
          politely(entry.link(), () -> fetcher.fetch(entry.link(), FeedFetcher.Validators.NONE));
      switch (page) {
        case FeedFetcher.Fetched fetched -> {
          sink.accept(
              new FetchedArticle(
                  feed.id(),
                  entry,
                  fetched.url(),
                  fetched.body(),
                  mediaType(fetched.contentType()),
                  ContentTypes.charset(fetched.contentType()),
                  clock.instant()));
          seen.remember(feed.id(), entry.entryId());
          published++;
        }
        case FeedFetcher.Failed f -> {
          if (!f.transientFailure()) {
            seen.remember(feed.id(), entry.entryId()); // a 404 will not heal
          }
          failed++;
        }
        case FeedFetcher.NotModified notModified -> alreadySeen++; // not asked conditionally
      }
    }
    return new PollReport(
        feed.id(),
        false,
        document.entries().size(),
        published,
        alreadySeen,
        disallowed,
        failed,
        null);
  }

  /** Waits for the host's turn, fetches, and tells the host how it went. */
  private FeedFetcher.Result politely(
      URI url, java.util.function.Supplier<FeedFetcher.Result> fetch) throws InterruptedException {
    politeness.atLeast(url, robots.crawlDelay(url)); // the site's Crawl-delay, when it has one
    for (Duration wait; !(wait = politeness.tryAcquire(url)).isZero(); ) {
      Thread.sleep(wait);
    }
    FeedFetcher.Result result = fetch.get();
    if (result instanceof FeedFetcher.Failed failed) {
      politeness.failed(url, failed.retryAfter());
    } else {
      politeness.succeeded(url);
    }
    return result;
  }

  static String mediaType(String contentType) {
    String type = ContentTypes.mediaType(contentType);
    return type.isEmpty() ? "text/html" : type;
  }
}
