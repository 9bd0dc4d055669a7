package io.newsmon.alerts.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's subscription to topics, delivered to one webhook URL.
 *
 * @param signingSecret Standard Webhooks secret ({@code whsec_} + base64 key); never logged or
 *     listed
 * @param previousSecret the secret before the last rotation, still signing until {@code
 *     previousSecretUntil} so receivers can switch without missing a delivery; null when none
 * @param previousSecretUntil end of the overlap, null when there is no previous secret
 */
public record WebhookSubscription(
    String id,
    String tenantId,
    Set<String> topicIds,
    URI webhookUrl,
    String signingSecret,
    double minScore,
    Status status,
    Instant createdAt,
    Instant updatedAt,
    String previousSecret,
    Instant previousSecretUntil) {

  /** Whether deliveries happen. */
  public enum Status {
    ACTIVE,
    PAUSED,
    DISABLED
  }

  public WebhookSubscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    Objects.requireNonNull(signingSecret, "signingSecret");
    Objects.requireNonNull(status, "status");
    topicIds = Set.copyOf(topicIds);
    if (topicIds.isEmpty()) {
      throw new IllegalArgumentException("a subscription needs at least one topic id");
    }
    if (minScore < 0 || minScore > 1) {
      throw new IllegalArgumentException("minScore must be within [0, 1]");
    }
  }

  /** A subscription with no previous secret. */
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
        topicIds,
        webhookUrl,
        signingSecret,
        minScore,
        status,
        createdAt,
        updatedAt,
        null,
        null);
  }

  /** The secrets a delivery at {@code now} is signed with: the current one, then the previous. */
  public java.util.List<String> secretsAt(Instant now) {
    return previousSecret != null
            && previousSecretUntil != null
            && now.isBefore(previousSecretUntil)
        ? java.util.List.of(signingSecret, previousSecret)
        : java.util.List.of(signingSecret);
  }

  /** The same subscription with another status, topics, URL or minimum score at {@code now}. */
  WebhookSubscription with(
      Set<String> topicIds, URI webhookUrl, double minScore, Status status, Instant now) {
    return new WebhookSubscription(
        id,
        tenantId,
        topicIds,
        webhookUrl,
        signingSecret,
        minScore,
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
        topicIds,
        webhookUrl,
        newSecret,
        minScore,
        status,
        createdAt,
        now,
        signingSecret,
        until);
  }

  /** Whether a flag on {@code topicId} with {@code score} is for this subscription. */
  public boolean wants(String topicId, double score) {
    return status == Status.ACTIVE && topicIds.contains(topicId) && score >= minScore;
  }
}
