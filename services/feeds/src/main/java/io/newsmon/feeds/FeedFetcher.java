package io.newsmon.feeds;

import io.newsmon.common.RetryAfter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Fetches a feed or an article page politely: a conditional GET with the validators of the last
 * fetch ({@code ETag}, {@code Last-Modified}), gzip, redirects followed, an honest {@code
 * User-Agent}, a bounded time and size. Never throws for a failed fetch: it says what happened in a
 * {@link Result}.
 */
public final class FeedFetcher {

  /** The User-Agent newsmon sends, with where to read about it. */
  public static final String USER_AGENT =
      "newsmon/0.1 (news monitoring; +https://github.com/newsmon/newsmon)";

  /** What the last fetch of a URL told us, so the next one can be conditional. */
  public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);
  }

  /** What a fetch gave. */
  public sealed interface Result {}

  /**
   * A new body.
   *
   * @param url where it came from, after redirects
   * @param contentType the {@code Content-Type} header, or null
   */
  public record Fetched(URI url, byte[] body, String contentType, Validators validators)
      implements Result {}

  /** 304: nothing new since the validators were issued. */
  public record NotModified() implements Result {}

  /**
   * The fetch failed: an HTTP status (0 without a response) and a reason; {@code retryAfter} is the
   * server's {@code Retry-After}, or null.
   */
  public record Failed(int status, String reason, Duration retryAfter) implements Result {
    /** Whether trying again later may help (timeouts, 5xx, 429); a 404 or 410 will not heal. */
    public boolean transientFailure() {
      return status == 0 || status == 408 || status == 429 || status >= 500;
    }
  }

  private final HttpClient client;
  private final Duration timeout;
  private final int maxBytes;
  private final Clock clock;

  /**
   * @param timeout for the whole request, connect included
   * @param maxBytes largest body accepted, after decompression
   */
  public FeedFetcher(Duration timeout, int maxBytes, Clock clock) {
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL) // never from https down to http
            .build();
  }

  public Result fetch(URI url, Validators validators) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("User-Agent", USER_AGENT)
            .header("Accept-Encoding", "gzip")
            .header(
                "Accept",
                "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9,"
                    + " application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
            .GET();
    if (validators.etag() != null) {
      request.header("If-None-Match", validators.etag());
    }
    if (validators.lastModified() != null) {
      request.header("If-Modified-Since", validators.lastModified());
    }
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      return new Failed(0, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Failed(0, "interrupted", null);
    }
    int status = response.statusCode();
    try (InputStream raw = response.body()) {
      if (status == 304) {
        return new NotModified();
      }
      if (status < 200 || status >= 300) {
        return new Failed(
            status,
            "HTTP " + status,
            retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
      }
      boolean gzip =
          response
              .headers()
              .firstValue("Content-Encoding")
              .map(e -> e.toLowerCase(Locale.ROOT).contains("gzip"))
              .orElse(false);
      byte[] body = readBounded(gzip ? new GZIPInputStream(raw) : raw);
      if (body == null) {
        return new Failed(status, "larger than " + maxBytes + " bytes", null);
      }
      return new Fetched(
          response.uri(),
          body,
          response.headers().firstValue("Content-Type").orElse(null),
          new Validators(
              response.headers().firstValue("ETag").orElse(null),
              response.headers().firstValue("Last-Modified").orElse(null)));
    } catch (IOException e) {
      return new Failed(status, "reading the body: " + e.getMessage(), null);
    }
  }

  /** The stream's bytes, or null when there are more than {@code maxBytes}. */
  private byte[] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    int total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > maxBytes) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** {@code Retry-After} read as the alert service reads it ({@link RetryAfter}). */
  Duration retryAfter(String header) {
    return RetryAfter.parse(header, clock.instant());
  }
}
