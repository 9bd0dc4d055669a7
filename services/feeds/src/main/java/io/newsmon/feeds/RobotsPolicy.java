package io.newsmon.feeds;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a site's robots.txt lets newsmon fetch a URL, read with crawler-commons (RFC 9309) and
 * kept per site for a day. A missing robots.txt (4xx) allows everything; an unreachable one (5xx,
 * timeout) allows nothing until it is read again, as the RFC asks. Operators may turn the check off
 * for sites they have agreements with. Thread-safe.
 */
public final class RobotsPolicy {

  /** The robot name matched in robots.txt {@code User-agent} lines. */
  public static final String ROBOT_NAME = "newsmon";

  static final Duration KEEP = Duration.ofDays(1);

  /** An unreachable robots.txt is asked again sooner than a readable one. */
  static final Duration KEEP_UNREACHABLE = Duration.ofMinutes(30);

  private final FeedFetcher fetcher;
  private final boolean respect;
  private final Clock clock;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, Cached> sites = new HashMap<>();

  private record Cached(BaseRobotRules rules, Instant until) {}

  /**
   * @param respect false to fetch regardless of robots.txt (an operator's decision)
   */
  public RobotsPolicy(FeedFetcher fetcher, boolean respect, Clock clock) {
    this.fetcher = fetcher;
    this.respect = respect;
    this.clock = clock;
  }

  public boolean allows(URI url) {
    if (!respect) {
      return true;
    }
    return rulesFor(url).isAllowed(url.toString());
  }

  /** The crawl delay the site asks for, or null when it names none. */
  public Duration crawlDelay(URI url) {
    if (!respect) {
      return null;
    }
    long delay = rulesFor(url).getCrawlDelay();
    return delay == BaseRobotRules.UNSET_CRAWL_DELAY ? null : Duration.ofMillis(delay);
  }

  private synchronized BaseRobotRules rulesFor(URI url) {
    String site =
        url.getScheme().toLowerCase(Locale.ROOT)
            + "://"
            + url.getHost().toLowerCase(Locale.ROOT)
            + (url.getPort() < 0 ? "" : ":" + url.getPort());
    Instant now = clock.instant();
    Cached cached = sites.get(site);
    if (cached != null && now.isBefore(cached.until())) {
      return cached.rules();
    }
    URI robots = URI.create(site + "/robots.txt");
    BaseRobotRules rules;
    Duration keep = KEEP;
    switch (fetcher.fetch(robots, FeedFetcher.Validators.NONE)) {
      case FeedFetcher.Fetched fetched ->
          rules =
              parser.parseContent(
                  robots.toString(),
                  fetched.body(),
                  fetched.contentType() == null ? "text/plain" : fetched.contentType(),
                  List.of(ROBOT_NAME));
      case FeedFetcher.NotModified notModified ->
          rules = parser.failedFetch(200); // not asked conditionally: cannot happen
      case FeedFetcher.Failed failed -> {
        rules = parser.failedFetch(failed.status() == 0 ? 503 : failed.status());
        if (failed.transientFailure()) {
          keep = KEEP_UNREACHABLE;
        }
      }
    }
    sites.put(site, new Cached(rules, now.plus(keep)));
    return rules;
  }
}
