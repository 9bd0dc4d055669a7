package io.newsmon.alerts.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's subscription to topics, delivered to one webhook URL.
 *
 * @param filter which flags on which articles it wants
 * @param signingSecret Standard Webhooks secret ({@code whsec_} + base64 key); never logged or
 *     listed
 * @param digestMinutes 0 to send each alert on its own at once; N to send the alerts of each
 *     N-minute window together in one digest at its end
 * @param previousSecret the secret before the last rotation, still signing until {@code
 *     previousSecretUntil} so receivers can switch without missing a delivery; null when none
 * @param previousSecretUntil end of the overlap, null when there is no previous secret
 */
public record WebhookSubscription(
    String id,
    String tenantId,
    AlertFilter filter,
    URI webhookUrl,
    String signingSecret,
    int digestMinutes,
    Status status,
    Instant createdAt,
    Instant updatedAt,
    String previousSecret,
    Instant previousSecretUntil) {

  /** Longest digest window: a day. */
  public static final int MAX_DIGEST_MINUTES = 1440;

  /** Whether deliveries happen. */
  public enum Status {
    ACTIVE,
    PAUSED,
    DISABLED
  }

  public WebhookSubscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    Objects.requireNonNull(signingSecret, "signingSecret");
    Objects.requireNonNull(status, "status");
    if (digestMinutes < 0 || digestMinutes > MAX_DIGEST_MINUTES) {
      throw new IllegalArgumentException(
          "digestMinutes must be within [0, " + MAX_DIGEST_MINUTES + "]");
    }
  }

  /** A subscription to topics at a minimum score, without other filters, digest or old secret. */
  public WebhookSubscription(
      String id,
      String tenantId,
      Set<String> topicIds,
      URI webhookUrl,
      String signingSecret,
      double minScore,
      Status status,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id,
        tenantId,
        AlertFilter.of(topicIds, minScore),
        webhookUrl,
        signingSecret,
        0,
        status,
        createdAt,
        updatedAt,
        null,
        null);
  }

  public Set<String> topicIds() {
    return filter.topicIds();
  }

  public double minScore() {
    return filter.minScore();
  }

  /** Whether its alerts go out in digests rather than one by one. */
  public boolean digests() {
    return digestMinutes > 0;
  }

  /** The secrets a delivery at {@code now} is signed with: the current one, then the previous. */
  public java.util.List<String> secretsAt(Instant now) {
    return previousSecret != null
            && previousSecretUntil != null
            && now.isBefore(previousSecretUntil)
        ? java.util.List.of(signingSecret, previousSecret)
        : java.util.List.of(signingSecret);
  }

  /** The same subscription with another filter, URL and digest setting at {@code now}. */
  WebhookSubscription with(AlertFilter filter, URI webhookUrl, int digestMinutes, Instant now) {
    return new WebhookSubscription(
        id,
        tenantId,
        filter,
        webhookUrl,
        signingSecret,
        digestMinutes,
        status,
        createdAt,
        now,
        previousSecret,
        previousSecretUntil);
  }

  /** The same subscription with another status at {@code now}. */
  WebhookSubscription withStatus(Status status, Instant now) {
    return new WebhookSubscription(
        id,
        tenantId,
        filter,
        webhookUrl,
        signingSecret,
        digestMinutes,
        status,
        createdAt,
        now,
        previousSecret,
        previousSecretUntil);
  }

  /**
   * The subscription signing with {@code newSecret}, and with the current one until {@code until}.
   */
  WebhookSubscription rotated(String newSecret, Instant now, Instant until) {
    return new WebhookSubscription(
        id,
        tenantId,
        filter,
        webhookUrl,
        newSecret,
        digestMinutes,
        status,
        createdAt,
        now,
        signingSecret,
        until);
  }

  /** Whether a flag on {@code topicId} with {@code score} for {@code article} is for it now. */
  public boolean wants(String topicId, double score, AlertFilter.Article article) {
    return status == Status.ACTIVE && filter.matches(topicId, score, article);
  }
}
