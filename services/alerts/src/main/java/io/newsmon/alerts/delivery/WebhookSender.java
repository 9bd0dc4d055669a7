package io.newsmon.alerts.delivery;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.newsmon.alerts.security.WebhookUrlGuard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** Sends one signed Standard Webhooks POST. */
public class WebhookSender {

  private final HttpClient client;
  private final Duration timeout;
  private final Clock clock;
  private final WebhookUrlGuard guard;

  /** A sender that refuses every internal address (no allowlist). */
  public WebhookSender(Duration timeout, Clock clock) {
    this(timeout, clock, WebhookUrlGuard.of(java.util.List.of()));
  }

  public WebhookSender(Duration timeout, Clock clock, WebhookUrlGuard guard) {
    this.timeout = timeout;
    this.clock = clock;
    this.guard = guard;
    // Redirects are not followed: a 3xx is a failed delivery per the specification's guidance.
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public DeliveryResult send(URI url, String secret, String messageId, String payload) {
    return send(url, java.util.List.of(secret), messageId, payload);
  }

  /**
   * Sends one delivery signed with every secret in {@code secrets}: during a rotation's overlap the
   * {@code webhook-signature} header carries both signatures, space-separated as the specification
   * allows, so a receiver that knows either secret verifies it.
   */
  public DeliveryResult send(
      URI url, java.util.List<String> secrets, String messageId, String payload) {
    // Again at send time: the name may resolve elsewhere now than when the subscription was saved.
    var refusal = guard.refusal(url);
    if (refusal.isPresent()) {
      return new DeliveryResult(0, "refused: " + refusal.get(), 0);
    }
    long timestamp = clock.instant().getEpochSecond();
    String signature;
    try {
      signature = signatures(secrets, messageId, timestamp, payload);
    } catch (WebhookSigningException | EmptyWebhookSecretException e) {
      return new DeliveryResult(0, "cannot sign: " + e.getMessage(), 0);
    }
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("content-type", "application/json")
            .header("user-agent", "newsmon-alerts/0.1")
            .header("webhook-id", messageId)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
            .build();
    long start = System.nanoTime();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      return new DeliveryResult(
          response.statusCode(),
          null,
          elapsedMillis(start),
          io.newsmon.common.RetryAfter.parse(
              response.headers().firstValue("retry-after").orElse(null), clock.instant()));
    } catch (IOException e) {
      return new DeliveryResult(
          0, e.getClass().getSimpleName() + ": " + e.getMessage(), elapsedMillis(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryResult(0, "interrupted", elapsedMillis(start));
    }
  }

  /** The {@code webhook-signature} header value: one {@code v1,...} signature per secret. */
  static String signatures(
      java.util.List<String> secrets, String messageId, long timestamp, String payload)
      throws WebhookSigningException, EmptyWebhookSecretException {
    StringBuilder header = new StringBuilder();
    for (String secret : secrets) {
      if (!header.isEmpty()) {
        header.append(' ');
      }
      header.append(new Webhook(secret).sign(messageId, timestamp, payload));
    }
    return header.toString();
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
