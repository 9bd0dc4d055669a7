package io.newsmon.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A feed on a local HTTP server, polled, changed, and polled again by a restarted poller. */
class FeedPollerTest {

  private HttpServer server;
  private final AtomicReference<String> feedVersion = new AtomicReference<>("v1");
  private final AtomicInteger flakyCalls = new AtomicInteger();
  private final Set<String> seenEntries = ConcurrentHashMap.newKeySet();
  private final FeedPoller.SeenEntries seen =
      new FeedPoller.SeenEntries() {
        @Override
        public boolean seen(String feedId, String entryId) {
          return seenEntries.contains(feedId + " " + entryId);
        }

        @Override
        public void remember(String feedId, String entryId) {
          seenEntries.add(feedId + " " + entryId);
        }
      };
  private final List<FeedPoller.FetchedArticle> published = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/robots.txt",
        exchange -> respond(exchange, 200, "text/plain", "User-agent: *\nDisallow: /members/\n"));
    server.createContext(
        "/feed.xml",
        exchange -> {
          String version = feedVersion.get();
          if (("\"" + version + "\"")
              .equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
          }
          exchange.getResponseHeaders().add("ETag", "\"" + version + "\"");
          String extra =
              version.equals("v2")
                  ? "<item><title>New</title><link>/news/new.html</link><guid>new</guid></item>"
                  : "";
          respond(
              exchange,
              200,
              "application/rss+xml",
              "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local</title>"
                  + "<link>/</link>"
                  + extra
                  + "<item><title>Troops</title><link>/news/troops.html</link><guid>troops</guid></item>"
                  + "<item><title>Gone</title><link>/news/gone.html</link><guid>gone</guid></item>"
                  + "<item><title>Flaky</title><link>/news/flaky.html</link><guid>flaky</guid></item>"
                  + "<item><title>Members</title><link>/members/x.html</link><guid>members</guid></item>"
                  + "</channel></rss>");
        });
    server.createContext(
        "/news/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if (path.endsWith("gone.html")) {
            respond(exchange, 404, "text/plain", "gone");
          } else if (path.endsWith("flaky.html") && flakyCalls.incrementAndGet() == 1) {
            respond(exchange, 503, "text/plain", "busy");
          } else {
            respond(
                exchange,
                200,
                "text/html; charset=windows-1252",
                "<html><body><p>" + path + "</p></body></html>");
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private FeedPoller poller() {
    FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(2), 1 << 20, Clock.systemUTC());
    return new FeedPoller(
        fetcher,
        new HostPoliteness(Duration.ZERO, Duration.ofMillis(10), Clock.systemUTC()),
        new RobotsPolicy(fetcher, true, Clock.systemUTC()),
        seen,
        published::add,
        Clock.systemUTC());
  }

  @Test
  void newEntriesArePublishedOnceAcrossPollsChangesAndARestart() throws Exception {
    FeedPoller.FeedSource feed =
        new FeedPoller.FeedSource(
            "local", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml"));
    FeedPoller poller = poller();

    FeedPoller.PollReport first = poller.poll(feed);
    assertThat(first.entries()).isEqualTo(4);
    assertThat(first.published()).as("troops").isEqualTo(1);
    assertThat(first.failed()).as("gone (404) and flaky (503)").isEqualTo(2);
    assertThat(first.disallowed()).as("members, by robots.txt").isEqualTo(1);
    FeedPoller.FetchedArticle troops = published.get(0);
    assertThat(troops.entry().entryId()).isEqualTo("troops");
    assertThat(troops.url().getPath()).isEqualTo("/news/troops.html");
    assertThat(troops.contentType()).isEqualTo("text/html");
    assertThat(troops.charset()).isEqualTo("windows-1252");

    assertThat(poller.poll(feed).notModified()).as("nothing new: 304").isTrue();

    feedVersion.set("v2");
    FeedPoller restarted = poller(); // a new poller with the same memory of seen entries
    FeedPoller.PollReport afterChange = restarted.poll(feed);
    assertThat(afterChange.published()).as("new, and flaky now that it answers").isEqualTo(2);
    assertThat(afterChange.alreadySeen()).as("troops, gone and members").isEqualTo(3);

    assertThat(published)
        .extracting(a -> a.entry().entryId())
        .containsExactly("troops", "new", "flaky")
        .doesNotHaveDuplicates();
  }

  @Test
  void anUnreadableFeedIsReportedAndNothingIsPublished() throws Exception {
    server.createContext(
        "/broken.xml",
        exchange -> respond(exchange, 200, "application/rss+xml", "<rss><channel><item>"));
    FeedPoller.PollReport report =
        poller()
            .poll(
                new FeedPoller.FeedSource(
                    "broken",
                    URI.create(
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/broken.xml")));
    assertThat(report.problem()).startsWith("not a readable feed");
    assertThat(published).isEmpty();
  }

  @Test
  void contentTypeParts() {
    assertThat(FeedPoller.mediaType("Text/HTML; charset=UTF-8")).isEqualTo("text/html");
    assertThat(io.newsmon.common.ContentTypes.charset("text/html; charset=\"ISO-8859-1\""))
        .isEqualTo("ISO-8859-1");
    assertThat(io.newsmon.common.ContentTypes.charset("text/html")).isNull();
    assertThat(FeedPoller.mediaType(null)).isEqualTo("text/html");
  }
}
