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
    Instant updatedAt) {

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

  /** Whether a flag on {@code topicId} with {@code score} is for this subscription. */
  public boolean wants(String topicId, double score) {
    return status == Status.ACTIVE && topicIds.contains(topicId) && score >= minScore;
  }
}
