package io.newsmon.feeds;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When the next request to a host may start: at most one at a time per host, at least {@code delay}
 * apart, later after failures (doubling up to {@code maxBackoff}) and never before a server's
 * {@code Retry-After}. Feeds and article pages on one host share it, so a site with many feeds is
 * not hit harder than one with one. Thread-safe.
 */
public final class HostPoliteness {

  private final Duration delay;
  private final Duration maxBackoff;
  private final Clock clock;
  private final Map<String, Host> hosts = new HashMap<>();

  private static final class Host {
    Instant notBefore = Instant.MIN;
    boolean busy;
    int failures;
    Duration delay; // the site's own, when it asks for more than ours (robots.txt Crawl-delay)
  }

  /**
   * Makes the delay between requests to {@code url}'s host at least {@code delay} (a robots.txt
   * {@code Crawl-delay}), capped at the maximum backoff; null or shorter changes nothing.
   */
  public synchronized void atLeast(URI url, Duration delay) {
    if (delay == null || delay.compareTo(this.delay) <= 0) {
      return;
    }
    Host host = hosts.computeIfAbsent(hostOf(url), h -> new Host());
    host.delay = delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
  }

  private Duration delayOf(Host host) {
    return host.delay != null ? host.delay : delay;
  }

  public HostPoliteness(Duration delay, Duration maxBackoff, Clock clock) {
    this.delay = delay;
    this.maxBackoff = maxBackoff;
    this.clock = clock;
  }

  static String hostOf(URI url) {
    String host = url.getHost();
    return host == null ? "" : host.toLowerCase(Locale.ROOT);
  }

  /**
   * Takes the host for a request if it may start now, and returns {@link Duration#ZERO}; else
   * returns how long to wait before asking again (the host is not taken).
   */
  public synchronized Duration tryAcquire(URI url) {
    Host host = hosts.computeIfAbsent(hostOf(url), h -> new Host());
    Instant now = clock.instant();
    if (host.busy) {
      Duration d = delayOf(host);
      return d.isZero() ? Duration.ofMillis(50) : d;
    }
    if (now.isBefore(host.notBefore)) {
      return Duration.between(now, host.notBefore);
    }
    host.busy = true;
    return Duration.ZERO;
  }

  /**
   * How long until the host's rest (delay, backoff, Retry-After) is over, without taking it: zero
   * when it is over. A scheduler asks this before starting a poll, so a thread is not parked for a
   * host that asked for an hour's rest.
   */
  public synchronized Duration restFor(URI url) {
    Host host = hosts.get(hostOf(url));
    Instant now = clock.instant();
    return host == null || !now.isBefore(host.notBefore)
        ? Duration.ZERO
        : Duration.between(now, host.notBefore);
  }

  /** The request to the host ended well: the next may start after the delay. */
  public synchronized void succeeded(URI url) {
    Host host = hosts.get(hostOf(url));
    if (host != null) {
      host.busy = false;
      host.failures = 0;
      host.notBefore = clock.instant().plus(delayOf(host));
    }
  }

  /**
   * The request failed: the host rests for the delay doubled per failure in a row (up to the
   * maximum), or for {@code retryAfter} when the server asked for longer.
   */
  public synchronized void failed(URI url, Duration retryAfter) {
    Host host = hosts.get(hostOf(url));
    if (host == null) {
      return;
    }
    host.busy = false;
    host.failures++;
    Duration base = delayOf(host).isZero() ? Duration.ofSeconds(1) : delayOf(host);
    Duration backoff = base.multipliedBy(1L << Math.min(20, host.failures));
    if (backoff.compareTo(maxBackoff) > 0) {
      backoff = maxBackoff;
    }
    if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
      backoff = retryAfter;
    }
    host.notBefore = clock.instant().plus(backoff);
  }
}
