package io.newsmon.alerts.delivery;

import io.newsmon.alerts.subscription.WebhookSubscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jboss.logging.Logger;

/**
 * Makes one attempt of a due delivery and decides what follows, by the rules of the Standard
 * Webhooks specification: 2xx is success; 410 Gone stops deliveries to the endpoint; other 4xx (but
 * 408 and 429) refuse the payload for good; anything else is retried on the {@link RetrySchedule},
 * and 429, 502, 504 or {@code Retry-After} also slow the endpoint down. An endpoint failing without
 * a single success for {@code disableAfter} gets its subscription disabled.
 *
 * <p>Plain class, no Kafka: the queue around it persists and schedules what it returns. Thread-safe
 * as long as its collaborators are.
 */
public final class DeliveryWorker {

  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

  /** A paused subscription's deliveries are looked at again this often. */
  static final Duration PAUSED_RECHECK = Duration.ofMinutes(1);

  /** Longest wait for the endpoint's rate limit inside an attempt; longer waits postpone it. */
  static final Duration MAX_INLINE_WAIT = Duration.ofSeconds(2);

  /** How long an overloaded endpoint rests when it does not say ({@code Retry-After}). */
  static final Duration SLOW_DOWN_PAUSE = Duration.ofSeconds(1);

  private final Function<String, Optional<WebhookSubscription>> subscriptions;
  private final DeliveryLedger ledger;
  private final WebhookSender sender;
  private final EndpointRateLimiter rateLimiter;
  private final EndpointHealthBook health;
  private final RetrySchedule schedule;
  private final Duration disableAfter;
  private final Clock clock;
  private final RandomGenerator random;

  /**
   * @param subscriptions a subscription by id, whatever its tenant; empty once deleted
   * @param disableAfter how long an endpoint may fail without any success before its subscription
   *     is disabled
   */
  public DeliveryWorker(
      Function<String, Optional<WebhookSubscription>> subscriptions,
      DeliveryLedger ledger,
      WebhookSender sender,
      EndpointRateLimiter rateLimiter,
      EndpointHealthBook health,
      RetrySchedule schedule,
      Duration disableAfter,
      Clock clock,
      RandomGenerator random) {
    this.subscriptions = subscriptions;
    this.ledger = ledger;
    this.sender = sender;
    this.rateLimiter = rateLimiter;
    this.health = health;
    this.schedule = schedule;
    this.disableAfter = disableAfter;
    this.clock = clock;
    this.random = random;
  }

  public RetrySchedule schedule() {
    return schedule;
  }

  /** One attempt of {@code delivery}, which is due. Never throws for a failed delivery. */
  public DeliveryStep attempt(PendingDelivery delivery) {
    if (delivery.inDigest()) {
      return attemptDigest(List.of(delivery)).get(0);
    }
    return attempt(List.of(delivery), delivery.alertId(), () -> delivery.payload()).get(0);
  }

  /**
   * One attempt of a digest: {@code batch} is every alert of one subscription given the same digest
   * id ({@link PendingDelivery#digestId()}), sent as one webhook with that {@code webhook-id}. What
   * follows applies to all of them alike: delivered together, retried together at the same time, or
   * given up together. Never throws for a failed delivery.
   */
  public List<DeliveryStep> attemptDigest(List<PendingDelivery> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    PendingDelivery first = batch.get(0);
    String digestId = first.digestId() != null ? first.digestId() : DigestPayload.digestId(batch);
    List<PendingDelivery> sent = batch.stream().map(d -> d.sentIn(digestId)).toList();
    return attempt(sent, digestId, () -> DigestPayload.json(digestId, sent));
  }

  /**
   * One webhook carrying {@code batch}, with {@code messageId} as its {@code webhook-id}: every
   * rule of the specification applied once, its outcome to every alert of the batch.
   */
  private List<DeliveryStep> attempt(
      List<PendingDelivery> batch, String messageId, Supplier<String> payload) {
    PendingDelivery lead = batch.get(0);
    boolean delivered =
        batch.stream().allMatch(d -> !d.replay() && ledger.isDelivered(d.alertId()));
    if (delivered) {
      return each(batch, DeliveryStep.AlreadyDelivered::new);
    }
    Optional<WebhookSubscription> found = subscriptions.apply(lead.subscriptionId());
    if (found.isEmpty()) {
      return each(batch, DeliveryStep.Dropped::new);
    }
    WebhookSubscription subscription = found.get();
    switch (subscription.status()) {
      case PAUSED -> {
        Instant later = clock.instant().plus(PAUSED_RECHECK);
        return each(batch, d -> new DeliveryStep.Postponed(d.postponed(later)));
      }
      case DISABLED -> {
        return each(batch, d -> new DeliveryStep.GiveUp(d, null, "subscription disabled", false));
      }
      case ACTIVE -> {
        // deliver below
      }
    }
    // Beyond MAX_INLINE_WAIT no token is taken: the delivery is postponed and asks again then.
    Duration wait = rateLimiter.delayFor(subscription.webhookUrl(), MAX_INLINE_WAIT);
    if (wait.compareTo(MAX_INLINE_WAIT) > 0) {
      Instant later = clock.instant().plus(wait);
      return each(batch, d -> new DeliveryStep.Postponed(d.postponed(later)));
    }
    if (!sleep(wait)) {
      Instant now = clock.instant();
      return each(batch, d -> new DeliveryStep.Postponed(d.postponed(now)));
    }
    Instant at = clock.instant();
    DeliveryResult result =
        sender.send(
            subscription.webhookUrl(), subscription.secretsAt(at), messageId, payload.get());
    int attempt = lead.attempts() + 1;
    LOG.infof(
        "%s %s to subscription %s attempt %d: status %d%s in %d ms",
        batch.size() == 1 && !lead.inDigest() ? "alert" : "digest of " + batch.size() + " alerts",
        messageId,
        subscription.id(),
        attempt,
        result.status(),
        result.error() == null ? "" : " (" + result.error() + ")",
        result.latencyMillis());
    if (result.succeeded()) {
      health.succeeded(subscription.id(), at);
      return each(batch, d -> new DeliveryStep.Delivered(d.failed(result, at, at), result, at));
    }
    if (result.asksToSlowDown()) {
      rateLimiter.slowDown(
          subscription.webhookUrl(),
          result.retryAfter() != null ? result.retryAfter() : SLOW_DOWN_PAUSE);
    }
    if (result.status() == 410) {
      return each(
          batch,
          d ->
              new DeliveryStep.GiveUp(
                  d.failed(result, at, at), result, "endpoint answered 410 Gone", true));
    }
    if (!result.retryable()) {
      String reason = "endpoint refused the alert with HTTP " + result.status();
      return each(
          batch, d -> new DeliveryStep.GiveUp(d.failed(result, at, at), result, reason, false));
    }
    // A resumed subscription starts a new period: failures before the resume do not count.
    Instant failingSince = later(health.failed(subscription.id(), at), subscription.updatedAt());
    if (!failingSince.plus(disableAfter).isAfter(at)) {
      String reason =
          "endpoint failing without a success since "
              + failingSince
              + " (over "
              + disableAfter
              + ")";
      return each(
          batch, d -> new DeliveryStep.GiveUp(d.failed(result, at, at), result, reason, true));
    }
    Optional<Instant> next = schedule.next(attempt, at, random);
    if (next.isEmpty()) {
      String reason = "no success after " + attempt + " attempts";
      return each(
          batch, d -> new DeliveryStep.GiveUp(d.failed(result, at, at), result, reason, false));
    }
    Instant due = next.get();
    if (result.retryAfter() != null && at.plus(result.retryAfter()).isAfter(due)) {
      due = at.plus(result.retryAfter()); // the endpoint asked for a longer pause
    }
    Instant retryAt = due;
    return each(batch, d -> new DeliveryStep.Retry(d.failed(result, at, retryAt), result));
  }

  private static List<DeliveryStep> each(
      List<PendingDelivery> batch, Function<PendingDelivery, DeliveryStep> step) {
    return batch.stream().map(step).toList();
  }

  private static Instant later(Instant a, Instant b) {
    return b != null && b.isAfter(a) ? b : a;
  }

  private static boolean sleep(Duration delay) {
    if (delay.isZero()) {
      return true;
    }
    try {
      Thread.sleep(delay);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
