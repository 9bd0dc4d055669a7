package io.newsmon.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedSchedulerTest {

  private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
  private final Map<String, String> problems = new ConcurrentHashMap<>();
  private final List<FeedPoller.PollReport> reported = new CopyOnWriteArrayList<>();
  private final HostPoliteness politeness =
      new HostPoliteness(Duration.ZERO, Duration.ofHours(6), Clock.systemUTC());
  private final FeedScheduler scheduler =
      new FeedScheduler(
          feed -> {
            polls.computeIfAbsent(feed.id(), id -> new AtomicInteger()).incrementAndGet();
            if ("explodes".equals(feed.id())) {
              throw new IllegalStateException("bug in a parser");
            }
            return new FeedPoller.PollReport(
                feed.id(), false, 1, 1, 0, 0, 0, problems.get(feed.id()));
          },
          politeness,
          2,
          Clock.systemUTC(),
          (feed, report, took) -> reported.add(report));

  @AfterEach
  void close() throws InterruptedException {
    scheduler.close();
  }

  private static FeedList.Feed feed(String id, String host, Duration every) {
    return new FeedList.Feed(id, URI.create("http://" + host + "/feed"), every, id);
  }

  private int polls(String id) {
    AtomicInteger n = polls.get(id);
    return n == null ? 0 : n.get();
  }

  @Test
  void eachFeedIsPolledAtOnceAndThenOnItsOwnInterval() {
    scheduler.put(feed("often", "a.example", Duration.ofMillis(50)));
    scheduler.put(feed("hourly", "b.example", Duration.ofHours(1)));

    await().atMost(Duration.ofSeconds(10)).until(() -> polls("often") >= 4);
    assertThat(polls("hourly")).as("polled on arrival, then not for an hour").isEqualTo(1);
    FeedScheduler.FeedStatus hourly = scheduler.status("hourly").orElseThrow();
    assertThat(hourly.lastReport().published()).isEqualTo(1);
    assertThat(hourly.nextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
  }

  @Test
  void aRemovedFeedIsNoLongerPolledWhileOthersGoOn() {
    scheduler.put(feed("gone", "a.example", Duration.ofMillis(50)));
    scheduler.put(feed("stays", "b.example", Duration.ofMillis(50)));
    await().atMost(Duration.ofSeconds(10)).until(() -> polls("gone") >= 1);

    assertThat(scheduler.remove("gone")).isTrue();
    int atRemoval = polls("gone");
    int staysBefore = polls("stays");
    await().atMost(Duration.ofSeconds(10)).until(() -> polls("stays") >= staysBefore + 4);

    assertThat(polls("gone")).isLessThanOrEqualTo(atRemoval + 1); // one may have been running
    assertThat(scheduler.status("gone")).isEmpty();
    assertThat(scheduler.statuses()).extracting(s -> s.feed().id()).containsExactly("stays");
  }

  @Test
  void failuresInARowBackOffAndASuccessResetsThem() {
    problems.put("broken", "HTTP 500");
    scheduler.put(feed("broken", "a.example", Duration.ofMillis(20)));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> scheduler.status("broken").orElseThrow().failuresInARow() >= 3);
    assertThat(reported).allSatisfy(r -> assertThat(r.problem()).isEqualTo("HTTP 500"));

    problems.remove("broken");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> scheduler.status("broken").orElseThrow().failuresInARow() == 0);

    Duration every = Duration.ofMinutes(10);
    assertThat(FeedScheduler.nextPollIn(every, 0)).isEqualTo(every);
    assertThat(FeedScheduler.nextPollIn(every, 1)).isEqualTo(every);
    assertThat(FeedScheduler.nextPollIn(every, 2)).isEqualTo(Duration.ofMinutes(20));
    assertThat(FeedScheduler.nextPollIn(every, 3)).isEqualTo(Duration.ofMinutes(40));
    assertThat(FeedScheduler.nextPollIn(every, 4)).isEqualTo(Duration.ofHours(1));
    assertThat(FeedScheduler.nextPollIn(every, 60)).isEqualTo(Duration.ofHours(1));
    assertThat(FeedScheduler.nextPollIn(Duration.ofHours(6), 5))
        .as("an interval above the cap is kept")
        .isEqualTo(Duration.ofHours(6));
  }

  @Test
  void aPollThatThrowsIsReportedAsAProblemAndTheFeedStaysScheduled() {
    scheduler.put(feed("explodes", "a.example", Duration.ofMillis(20)));
    await().atMost(Duration.ofSeconds(10)).until(() -> polls("explodes") >= 2);
    FeedScheduler.FeedStatus status = scheduler.status("explodes").orElseThrow();
    assertThat(status.lastReport().problem()).contains("bug in a parser");
  }

  @Test
  void aHostAtRestMovesThePollInsteadOfParkingAThread() throws InterruptedException {
    URI url = URI.create("http://resting.example/feed");
    assertThat(politeness.tryAcquire(url)).isZero();
    politeness.failed(url, Duration.ofHours(1)); // Retry-After: 3600

    scheduler.put(feed("resting", "resting.example", Duration.ofMinutes(1)));
    scheduler.put(feed("other", "b.example", Duration.ofHours(1)));
    await().atMost(Duration.ofSeconds(10)).until(() -> polls("other") == 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                scheduler
                    .status("resting")
                    .map(FeedScheduler.FeedStatus::nextPollAt)
                    .filter(at -> at.isAfter(Instant.now().plus(Duration.ofMinutes(59))))
                    .isPresent());
    assertThat(polls("resting")).isZero();
  }

  @Test
  void pollNowPollsAnHourlyFeedAtOnce() {
    scheduler.put(feed("hourly", "a.example", Duration.ofHours(1)));
    await().atMost(Duration.ofSeconds(10)).until(() -> polls("hourly") == 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> scheduler.status("hourly").orElseThrow().nextPollAt() != null);

    assertThat(scheduler.pollNow("hourly")).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> polls("hourly") == 2);
    assertThat(scheduler.pollNow("unknown")).isFalse();
  }

  @Test
  void anUnchangedFeedKeepsItsScheduleAndAChangedOneStartsAfresh() {
    FeedList.Feed hourly = feed("f", "a.example", Duration.ofHours(1));
    scheduler.put(hourly);
    await().atMost(Duration.ofSeconds(10)).until(() -> polls("f") == 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> scheduler.status("f").orElseThrow().nextPollAt() != null);

    Instant due = scheduler.status("f").orElseThrow().nextPollAt();
    scheduler.put(hourly);
    assertThat(scheduler.status("f").orElseThrow().nextPollAt()).isEqualTo(due);

    scheduler.put(new FeedList.Feed("f", hourly.url(), Duration.ofHours(2), "f"));
    await().atMost(Duration.ofSeconds(10)).until(() -> polls("f") == 2);
    assertThat(scheduler.status("f").orElseThrow().feed().every()).isEqualTo(Duration.ofHours(2));
  }
}
