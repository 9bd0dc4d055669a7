package io.newsmon.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmon.feeds.FeedList;
import io.newsmon.feeds.FeedPoller;
import io.newsmon.feeds.FeedScheduler;
import io.newsmon.feeds.HostPoliteness;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedDirectoryTest {

  private final Set<String> polled = ConcurrentHashMap.newKeySet();
  private final FeedScheduler scheduler =
      new FeedScheduler(
          feed -> {
            polled.add(feed.id());
            return new FeedPoller.PollReport(feed.id(), false, 0, 0, 0, 0, 0, null);
          },
          new HostPoliteness(Duration.ZERO, Duration.ofHours(1), Clock.systemUTC()),
          1,
          Clock.systemUTC(),
          null);

  @AfterEach
  void close() throws InterruptedException {
    scheduler.close();
  }

  private static FeedList.Feed feed(String id) {
    return new FeedList.Feed(id, URI.create("http://x.example/" + id), Duration.ofHours(1), id);
  }

  private static FeedDirectory.Entry api(String id) {
    return new FeedDirectory.Entry(feed(id), FeedDirectory.Origin.API, Instant.EPOCH, "ops");
  }

  @Test
  void nothingIsPolledBeforeStartThenEveryFeedIs() {
    FeedDirectory directory =
        new FeedDirectory(
            new FeedList.Loaded(List.of(feed("from-file")), List.of("feed 2: broken")),
            Instant.EPOCH,
            scheduler);
    directory.stored("from-api", api("from-api"));
    assertThat(scheduler.statuses()).as("seen entries may not be loaded yet").isEmpty();

    directory.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> polled.size() == 2);
    assertThat(polled).containsExactlyInAnyOrder("from-file", "from-api");
    assertThat(directory.entries())
        .extracting(e -> e.feed().id() + ":" + e.origin())
        .containsExactly("from-api:API", "from-file:FILE");
    assertThat(directory.fileProblems()).containsExactly("feed 2: broken");

    directory.stored("from-api", null);
    assertThat(scheduler.status("from-api")).isEmpty();
    assertThat(directory.get("from-api")).isEmpty();
  }

  @Test
  void theFileWinsAndIsReadOnlyThroughTheApi() {
    FeedDirectory directory =
        new FeedDirectory(
            new FeedList.Loaded(List.of(feed("shared")), List.of()), Instant.EPOCH, scheduler);
    directory.stored("shared", api("shared"));
    assertThat(directory.get("shared").orElseThrow().origin()).isEqualTo(FeedDirectory.Origin.FILE);
    assertThat(directory.readOnlyReason("shared")).get().asString().contains("feeds file");
    assertThat(directory.readOnlyReason("other")).isEmpty();
    assertThat(directory.sourceOf("shared")).contains("shared");
    assertThat(directory.sourceOf("unknown")).isEmpty();
  }
}
