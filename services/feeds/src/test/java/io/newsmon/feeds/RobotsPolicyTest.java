package io.newsmon.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RobotsPolicyTest {

  private HttpServer server;
  private final AtomicReference<String> robots = new AtomicReference<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicInteger asked = new AtomicInteger();
  private final FeedFetcher fetcher =
      new FeedFetcher(Duration.ofSeconds(2), 64 * 1024, Clock.systemUTC());

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/robots.txt",
        exchange -> {
          asked.incrementAndGet();
          byte[] body = robots.get().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), body.length == 0 ? -1 : body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void rulesForNewsmonAndTheCrawlDelayAreFollowedAndReadOncePerDay() {
    robots.set(
        """
        User-agent: *
        Disallow: /

        User-agent: newsmon
        Disallow: /private/
        Crawl-delay: 5
        """);
    RobotsPolicy policy = new RobotsPolicy(fetcher, true, Clock.systemUTC());

    assertThat(policy.allows(url("/world/story.html"))).isTrue();
    assertThat(policy.allows(url("/private/memo.html"))).isFalse();
    assertThat(policy.crawlDelay(url("/"))).isEqualTo(Duration.ofSeconds(5));
    assertThat(asked.get()).as("robots.txt is read once and kept").isEqualTo(1);
  }

  @Test
  void aMissingRobotsTxtAllowsEverythingAndAnUnreachableOneNothing() {
    robots.set("");
    status.set(404);
    assertThat(new RobotsPolicy(fetcher, true, Clock.systemUTC()).allows(url("/a"))).isTrue();

    status.set(503);
    assertThat(new RobotsPolicy(fetcher, true, Clock.systemUTC()).allows(url("/a"))).isFalse();
  }

  @Test
  void anOperatorMayTurnTheCheckOff() {
    robots.set("User-agent: *\nDisallow: /\n");
    RobotsPolicy ignoring = new RobotsPolicy(fetcher, false, Clock.systemUTC());
    assertThat(ignoring.allows(url("/a"))).isTrue();
    assertThat(asked.get()).isZero();
  }
}
