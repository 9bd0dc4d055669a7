package io.newsmon.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real local HTTP server. */
class FeedFetcherTest {

  private static final String FEED =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>";

  private HttpServer server;
  private final List<HttpExchange> seen = new CopyOnWriteArrayList<>();
  private final FeedFetcher fetcher =
      new FeedFetcher(Duration.ofSeconds(2), 64 * 1024, Clock.systemUTC());

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/feed",
        exchange -> {
          seen.add(exchange);
          if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
          } else {
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Last-Modified", "Mon, 30 Nov 2026 09:00:00 GMT");
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            send(exchange, 200, FEED.getBytes(StandardCharsets.UTF_8));
          }
          exchange.close();
        });
    server.createContext(
        "/gzip",
        exchange -> {
          ByteArrayOutputStream zipped = new ByteArrayOutputStream();
          try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(FEED.getBytes(StandardCharsets.UTF_8));
          }
          exchange.getResponseHeaders().add("Content-Encoding", "gzip");
          send(exchange, 200, zipped.toByteArray());
          exchange.close();
        });
    server.createContext(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/feed");
          exchange.sendResponseHeaders(301, -1);
          exchange.close();
        });
    server.createContext(
        "/busy",
        exchange -> {
          exchange.getResponseHeaders().add("Retry-After", "120");
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    server.createContext(
        "/huge",
        exchange -> {
          send(exchange, 200, new byte[200 * 1024]);
          exchange.close();
        });
    server.createContext(
        "/slow",
        exchange -> {
          try {
            Thread.sleep(5_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Test
  void aSecondFetchIsConditionalAndNothingNewComesBack() {
    FeedFetcher.Result first = fetcher.fetch(url("/feed"), FeedFetcher.Validators.NONE);
    assertThat(first).isInstanceOf(FeedFetcher.Fetched.class);
    FeedFetcher.Fetched fetched = (FeedFetcher.Fetched) first;
    assertThat(fetched.validators().etag()).isEqualTo("\"v1\"");
    assertThat(fetched.contentType()).isEqualTo("application/rss+xml");
    assertThat(seen.get(0).getRequestHeaders().getFirst("User-Agent")).startsWith("newsmon/");

    assertThat(fetcher.fetch(url("/feed"), fetched.validators()))
        .isInstanceOf(FeedFetcher.NotModified.class);
    assertThat(seen.get(1).getRequestHeaders().getFirst("If-Modified-Since"))
        .isEqualTo("Mon, 30 Nov 2026 09:00:00 GMT");
  }

  @Test
  void gzipIsDecompressedAndRedirectsAreFollowed() {
    assertThat(fetcher.fetch(url("/gzip"), FeedFetcher.Validators.NONE))
        .isInstanceOfSatisfying(
            FeedFetcher.Fetched.class,
            f -> assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo(FEED));
    assertThat(fetcher.fetch(url("/moved"), FeedFetcher.Validators.NONE))
        .isInstanceOfSatisfying(
            FeedFetcher.Fetched.class, f -> assertThat(f.url()).isEqualTo(url("/feed")));
  }

  @Test
  void failuresSayWhatHappenedAndWhetherToTryAgain() {
    assertThat(fetcher.fetch(url("/busy"), FeedFetcher.Validators.NONE))
        .isInstanceOfSatisfying(
            FeedFetcher.Failed.class,
            f -> {
              assertThat(f.status()).isEqualTo(503);
              assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(120));
              assertThat(f.transientFailure()).isTrue();
            });
    assertThat(fetcher.fetch(url("/missing"), FeedFetcher.Validators.NONE))
        .isInstanceOfSatisfying(
            FeedFetcher.Failed.class,
            f -> {
              assertThat(f.status()).isEqualTo(404);
              assertThat(f.transientFailure()).isFalse();
            });
    assertThat(fetcher.fetch(url("/huge"), FeedFetcher.Validators.NONE))
        .isInstanceOfSatisfying(
            FeedFetcher.Failed.class,
            f -> assertThat(f.reason()).isEqualTo("larger than 65536 bytes"));
    assertThat(fetcher.fetch(url("/slow"), FeedFetcher.Validators.NONE))
        .isInstanceOfSatisfying(
            FeedFetcher.Failed.class,
            f -> {
              assertThat(f.status()).isZero();
              assertThat(f.reason()).contains("Timeout");
            });
  }

  @Test
  void retryAfterAsAnHttpDate() {
    FeedFetcher fixed =
        new FeedFetcher(
            Duration.ofSeconds(1),
            1024,
            Clock.fixed(java.time.Instant.parse("2026-11-30T09:00:00Z"), java.time.ZoneOffset.UTC));
    assertThat(fixed.retryAfter("Mon, 30 Nov 2026 09:05:00 GMT")).isEqualTo(Duration.ofMinutes(5));
    assertThat(fixed.retryAfter("soon")).isNull();
  }
}
