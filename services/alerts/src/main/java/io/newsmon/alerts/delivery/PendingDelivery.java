package io.newsmon.alerts.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * A webhook delivery that has not succeeded yet, and where its retries stand.
 *
 * @param alertId the deterministic alert id, also the {@code webhook-id}
 * @param url the article's URL, or null
 * @param score the topic flag's score
 * @param payload the JSON body, built once so every attempt (and every replay) sends the same
 * @param attempts attempts made so far
 * @param nextAttemptAt when the next attempt is due
 * @param firstFailureAt when the first attempt failed, null before any failure
 * @param lastStatus the last attempt's HTTP status, null before any attempt or without a response
 * @param lastError the last attempt's error without a response (timeout, refused), or null
 * @param replay whether its tenant asked for it again: sent even if the ledger has it delivered
 * @param digestWindow for a digest subscription, the {@link DigestWindow} (as text) whose digest
 *     carries this alert; null for an alert sent on its own
 * @param digestId the {@code webhook-id} of the digest this alert was first attempted in, so its
 *     retries resend that same digest; null before its first attempt
 * @param ingestedAt when the article was handed to Kafka by its producer, or null (deliveries
 *     written before it was recorded): where the ingest-to-delivered latency starts
 */
public record PendingDelivery(
    String alertId,
    String subscriptionId,
    String tenantId,
    String topicId,
    String clusterId,
    String articleId,
    String title,
    String url,
    double score,
    String payload,
    Instant createdAt,
    int attempts,
    Instant nextAttemptAt,
    Instant firstFailureAt,
    Integer lastStatus,
    String lastError,
    boolean replay,
    String digestWindow,
    String digestId,
    Instant ingestedAt) {

  public PendingDelivery {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(topicId, "topicId");
    Objects.requireNonNull(clusterId, "clusterId");
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts cannot be negative");
    }
  }

  /** A new delivery, due at once. */
  public static PendingDelivery first(
      String alertId,
      String subscriptionId,
      String tenantId,
      String topicId,
      String clusterId,
      String articleId,
      String title,
      String url,
      double score,
      String payload,
      Instant now) {
    return new PendingDelivery(
        alertId,
        subscriptionId,
        tenantId,
        topicId,
        clusterId,
        articleId,
        title,
        url,
        score,
        payload,
        now,
        0,
        now,
        null,
        null,
        null,
        false,
        null,
        null,
        null);
  }

  /** This delivery, its article handed to Kafka at {@code ingestedAt}. */
  public PendingDelivery withIngestedAt(Instant ingestedAt) {
    return new PendingDelivery(
        alertId,
        subscriptionId,
        tenantId,
        topicId,
        clusterId,
        articleId,
        title,
        url,
        score,
        payload,
        createdAt,
        attempts,
        nextAttemptAt,
        firstFailureAt,
        lastStatus,
        lastError,
        replay,
        digestWindow,
        digestId,
        ingestedAt);
  }

  /** This delivery after one more failed attempt, {@code result}, due again at {@code next}. */
  public PendingDelivery failed(DeliveryResult result, Instant at, Instant next) {
    return withState(
        attempts + 1,
        next,
        firstFailureAt == null ? at : firstFailureAt,
        result.status() == 0 ? null : result.status(),
        result.error(),
        replay,
        digestWindow,
        digestId);
  }

  /** This delivery due again at {@code next} without an attempt (paused, rate-limited). */
  public PendingDelivery postponed(Instant next) {
    return withState(
        attempts, next, firstFailureAt, lastStatus, lastError, replay, digestWindow, digestId);
  }

  /**
   * A replay of this delivery, asked for by its tenant: the same alert id, {@code webhook-id} and
   * payload, a fresh retry sequence from {@code now}, sent even if it was delivered before. Sent on
   * its own, also when it first went out in a digest: a replay is not held for a window.
   */
  public PendingDelivery replayed(Instant now) {
    return withState(0, now, null, null, null, true, null, null);
  }

  /** Whether it goes out in a digest rather than on its own. */
  public boolean inDigest() {
    return digestWindow != null;
  }

  /** This new delivery held for the digest of {@code window}: due at the window's end. */
  public PendingDelivery heldFor(DigestWindow window) {
    return withState(
        attempts,
        window.end(),
        firstFailureAt,
        lastStatus,
        lastError,
        replay,
        window.toString(),
        null);
  }

  /** This delivery about to be attempted in the digest {@code id}, for good. */
  public PendingDelivery sentIn(String id) {
    return withState(
        attempts, nextAttemptAt, firstFailureAt, lastStatus, lastError, replay, digestWindow, id);
  }

  /** The same alert (ids, payload, creation time) in another state of its delivery. */
  private PendingDelivery withState(
      int attempts,
      Instant nextAttemptAt,
      Instant firstFailureAt,
      Integer lastStatus,
      String lastError,
      boolean replay,
      String digestWindow,
      String digestId) {
    return new PendingDelivery(
        alertId,
        subscriptionId,
        tenantId,
        topicId,
        clusterId,
        articleId,
        title,
        url,
        score,
        payload,
        createdAt,
        attempts,
        nextAttemptAt,
        firstFailureAt,
        lastStatus,
        lastError,
        replay,
        digestWindow,
        digestId,
        ingestedAt);
  }
}
