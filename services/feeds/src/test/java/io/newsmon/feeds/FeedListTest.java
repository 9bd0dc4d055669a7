package io.newsmon.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedListTest {

  @Test
  void feedsWithDefaultsAndEveryProblemNamedWithItsFeed() {
    FeedList.Loaded loaded =
        FeedList.parse(
            """
            feeds:
              - id: moscow-times
                url: https://www.themoscowtimes.com/rss/news
                every: 5m
              - id: kyiv-independent
                url: https://kyivindependent.com/feed/
                source: kyiv-independent-en
              - id: Bad_Id
                url: https://x.example/feed
              - id: ftp-feed
                url: ftp://x.example/feed
              - id: too-often
                url: https://x.example/feed
                every: 5s
              - id: moscow-times
                url: https://www.themoscowtimes.com/rss/news
              - id: typo
                url: https://x.example/feed
                evrey: 5m
            """);

    assertThat(loaded.feeds())
        .extracting(FeedList.Feed::id)
        .as("a misspelt field rejects its feed rather than quietly using a default")
        .containsExactly("moscow-times", "kyiv-independent");
    FeedList.Feed first = loaded.feeds().get(0);
    assertThat(first.url()).isEqualTo(URI.create("https://www.themoscowtimes.com/rss/news"));
    assertThat(first.every()).isEqualTo(Duration.ofMinutes(5));
    assertThat(first.sourceId()).as("the feed id by default").isEqualTo("moscow-times");
    assertThat(loaded.feeds().get(1).every()).isEqualTo(FeedList.DEFAULT_EVERY);
    assertThat(loaded.feeds().get(1).sourceId()).isEqualTo("kyiv-independent-en");
    assertThat(loaded.problems())
        .containsExactly(
            "feed 3: id must be 1-64 lower-case letters, digits and hyphens",
            "feed ftp-feed: url must be an absolute http or https URL",
            "feed too-often: every must be a duration from 30s to 24h, such as 90s, 5m or 1h",
            "feed moscow-times: id used twice",
            "feed 7: unknown field 'evrey' (id, url, every, source)");
  }

  @Test
  void oneFeedAsTheAdminApiGivesIt() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    FeedList.Loaded ok =
        FeedList.single(json.readTree("{\"id\":\"a\",\"url\":\"http://x.example/f\"}"));
    assertThat(ok.feeds()).singleElement().extracting(FeedList.Feed::sourceId).isEqualTo("a");
    assertThat(ok.problems()).isEmpty();

    FeedList.Loaded bad =
        FeedList.single(json.readTree("{\"id\":\"a\",\"url\":\"x\",\"every\":\"1s\"}"));
    assertThat(bad.feeds()).isEmpty();
    assertThat(bad.problems())
        .containsExactly(
            "feed a: url must be an absolute http or https URL",
            "feed a: every must be a duration from 30s to 24h, such as 90s, 5m or 1h");
  }

  @Test
  void aFileThatIsNotAFeedListSaysSo() {
    assertThat(FeedList.parse("just: text").problems())
        .containsExactly("the file needs a 'feeds' list");
    assertThat(FeedList.parse("feeds: [ unclosed").problems())
        .singleElement()
        .asString()
        .startsWith("not YAML");
  }

  @Test
  void theShippedExampleIsValid() throws Exception {
    java.nio.file.Path example = java.nio.file.Path.of("../../deploy/feeds.example.yaml");
    FeedList.Loaded loaded = FeedList.read(example);
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.feeds()).isNotEmpty();
  }
}
