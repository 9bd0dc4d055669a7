package io.newsmon.feeds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls each feed on its own interval with a small, fixed pool of threads. A feed whose poll failed
 * (unreachable, broken XML, 5xx) is polled again later, backing off: the interval doubled per
 * failure in a row, up to an hour (or the interval, when that is longer). A feed whose host asked
 * for a rest (backoff, {@code Retry-After}) is moved to the end of it instead of parking a thread.
 *
 * <p>Feeds can be added, replaced and removed while it runs; a replaced feed starts afresh. One
 * poll of a feed at a time: an explicit {@link #pollNow} while one runs is refused.
 */
public final class FeedScheduler implements AutoCloseable {

  /** One poll of one feed ({@link FeedPoller#poll} in the service). */
  @FunctionalInterface
  public interface Poll {
    FeedPoller.PollReport poll(FeedPoller.FeedSource feed) throws InterruptedException;
  }

  /** Told of every poll's outcome: logs and metrics. */
  @FunctionalInterface
  public interface Listener {
    void polled(FeedList.Feed feed, FeedPoller.PollReport report, Duration took);
  }

  /**
   * Where a feed stands.
   *
   * @param lastReport the last poll's report, null before the first
   * @param failuresInARow polls in a row whose report has a problem
   * @param nextPollAt when it is polled next, null while a poll runs
   */
  public record FeedStatus(
      FeedList.Feed feed,
      Instant lastPolledAt,
      FeedPoller.PollReport lastReport,
      int failuresInARow,
      Instant nextPollAt) {}

  /** The longest a poll waits for its host inside a thread; a longer rest is rescheduled. */
  static final Duration WAIT_IN_THREAD_AT_MOST = Duration.ofSeconds(5);

  static final Duration MAX_BACKOFF = Duration.ofHours(1);

  private final Poll poll;
  private final HostPoliteness politeness;
  private final Clock clock;
  private final Listener listener;
  private final ScheduledThreadPoolExecutor executor;
  private final Map<String, Scheduled> feeds = new ConcurrentHashMap<>();

  /** One feed's schedule. Its fields change under its own lock. */
  private final class Scheduled {
    final FeedList.Feed feed;
    int generation; // a task runs only if still the feed's current one
    boolean running;
    boolean removed;
    ScheduledFuture<?> next;
    Instant nextPollAt;
    Instant lastPolledAt;
    FeedPoller.PollReport lastReport;
    int failuresInARow;

    Scheduled(FeedList.Feed feed) {
      this.feed = feed;
    }

    synchronized void scheduleIn(Duration delay) {
      if (removed) {
        return;
      }
      if (next != null) {
        next.cancel(false);
      }
      int gen = ++generation;
      nextPollAt = clock.instant().plus(delay);
      next = executor.schedule(() -> run(this, gen), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized boolean start(int gen) {
      if (removed || running || gen != generation) {
        return false;
      }
      running = true;
      nextPollAt = null;
      return true;
    }

    synchronized FeedStatus status() {
      return new FeedStatus(feed, lastPolledAt, lastReport, failuresInARow, nextPollAt);
    }
  }

  public FeedScheduler(
      Poll poll, HostPoliteness politeness, int threads, Clock clock, Listener listener) {
    this.poll = Objects.requireNonNull(poll, "poll");
    this.politeness = Objects.requireNonNull(politeness, "politeness");
    this.clock = clock;
    this.listener = listener;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ScheduledThreadPoolExecutor(
            threads,
            r -> {
              Thread t = new Thread(r, "feed-poller-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
  }

  /**
   * Adds {@code feed}, or replaces the feed of the same id, and polls it now. An unchanged feed
   * keeps its schedule.
   */
  public void put(FeedList.Feed feed) {
    Scheduled fresh = new Scheduled(feed);
    Scheduled old = feeds.get(feed.id());
    if (old != null && old.feed.equals(feed)) {
      return;
    }
    if (old != null) {
      cancel(old);
    }
    feeds.put(feed.id(), fresh);
    fresh.scheduleIn(Duration.ZERO);
  }

  /** Stops polling the feed; a poll that runs finishes. Whether it was scheduled. */
  public boolean remove(String feedId) {
    Scheduled old = feeds.remove(feedId);
    if (old != null) {
      cancel(old);
    }
    return old != null;
  }

  /** Polls the feed as soon as a thread is free; false when unknown or a poll of it runs. */
  public boolean pollNow(String feedId) {
    Scheduled s = feeds.get(feedId);
    if (s == null) {
      return false;
    }
    synchronized (s) {
      if (s.running) {
        return false;
      }
      s.scheduleIn(Duration.ZERO);
      return true;
    }
  }

  public Optional<FeedStatus> status(String feedId) {
    return Optional.ofNullable(feeds.get(feedId)).map(Scheduled::status);
  }

  public List<FeedStatus> statuses() {
    return feeds.values().stream()
        .map(Scheduled::status)
        .sorted(Comparator.comparing(s -> s.feed().id()))
        .toList();
  }

  private static void cancel(Scheduled s) {
    synchronized (s) {
      s.removed = true;
      if (s.next != null) {
        s.next.cancel(false);
      }
    }
  }

  private void run(Scheduled s, int generation) {
    Duration rest = politeness.restFor(s.feed.url());
    if (rest.compareTo(WAIT_IN_THREAD_AT_MOST) > 0) {
      synchronized (s) {
        if (generation == s.generation) {
          s.scheduleIn(rest);
        }
      }
      return;
    }
    if (!s.start(generation)) {
      return;
    }
    long started = System.nanoTime();
    FeedPoller.PollReport report;
    try {
      report = poll.poll(s.feed.source());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing
      return;
    } catch (RuntimeException e) {
      report = new FeedPoller.PollReport(s.feed.id(), false, 0, 0, 0, 0, 0, e.toString());
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Duration next;
    synchronized (s) {
      s.running = false;
      s.lastPolledAt = clock.instant();
      s.lastReport = report;
      s.failuresInARow = report.problem() == null ? 0 : s.failuresInARow + 1;
      next = nextPollIn(s.feed.every(), s.failuresInARow);
      s.scheduleIn(next);
    }
    if (listener != null) {
      listener.polled(s.feed, report, took);
    }
  }

  /** The interval, or after failures in a row the interval doubled per failure, capped. */
  static Duration nextPollIn(Duration every, int failuresInARow) {
    if (failuresInARow <= 1) {
      return every;
    }
    Duration cap = every.compareTo(MAX_BACKOFF) > 0 ? every : MAX_BACKOFF;
    Duration backoff = every.multipliedBy(1L << Math.min(20, failuresInARow - 1));
    return backoff.compareTo(cap) > 0 ? cap : backoff;
  }

  @Override
  public void close() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }
}
