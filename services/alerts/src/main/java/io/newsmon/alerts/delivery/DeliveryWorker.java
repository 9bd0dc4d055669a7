package io.newsmon.alerts.delivery;

import io.newsmon.alerts.subscription.WebhookSubscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
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
    if (!delivery.replay() && ledger.isDelivered(delivery.alertId())) {
      return new DeliveryStep.AlreadyDelivered(delivery);
    }
    Optional<WebhookSubscription> found = subscriptions.apply(delivery.subscriptionId());
    if (found.isEmpty()) {
      return new DeliveryStep.Dropped(delivery);
    }
    WebhookSubscription subscription = found.get();
    switch (subscription.status()) {
      case PAUSED -> {
        return new DeliveryStep.Postponed(delivery.postponed(clock.instant().plus(PAUSED_RECHECK)));
      }
      case DISABLED -> {
        return new DeliveryStep.GiveUp(delivery, null, "subscription disabled", false);
      }
      case ACTIVE -> {
        // deliver below
      }
    }
    Duration wait = rateLimiter.delayFor(subscription.webhookUrl());
    if (wait.compareTo(MAX_INLINE_WAIT) > 0) {
      return new DeliveryStep.Postponed(delivery.postponed(clock.instant().plus(wait)));
    }
    if (!sleep(wait)) {
      return new DeliveryStep.Postponed(delivery.postponed(clock.instant()));
    }
    Instant at = clock.instant();
    DeliveryResult result =
        sender.send(
            subscription.webhookUrl(),
            subscription.secretsAt(at),
            delivery.alertId(),
            delivery.payload());
    int attempt = delivery.attempts() + 1;
    LOG.infof(
        "alert %s to subscription %s attempt %d: status %d%s in %d ms",
        delivery.alertId(),
        subscription.id(),
        attempt,
        result.status(),
        result.error() == null ? "" : " (" + result.error() + ")",
        result.latencyMillis());
    if (result.succeeded()) {
      health.succeeded(subscription.id(), at);
      return new DeliveryStep.Delivered(delivery.failed(result, at, at), result, at);
    }
    if (result.asksToSlowDown()) {
      rateLimiter.slowDown(
          subscription.webhookUrl(),
          result.retryAfter() != null ? result.retryAfter() : SLOW_DOWN_PAUSE);
    }
    PendingDelivery failed = delivery.failed(result, at, at);
    if (result.status() == 410) {
      return new DeliveryStep.GiveUp(failed, result, "endpoint answered 410 Gone", true);
    }
    if (!result.retryable()) {
      return new DeliveryStep.GiveUp(
          failed, result, "endpoint refused the alert with HTTP " + result.status(), false);
    }
    // A resumed subscription starts a new period: failures before the resume do not count.
    Instant failingSince = later(health.failed(subscription.id(), at), subscription.updatedAt());
    if (!failingSince.plus(disableAfter).isAfter(at)) {
      return new DeliveryStep.GiveUp(
          failed,
          result,
          "endpoint failing without a success since "
              + failingSince
              + " (over "
              + disableAfter
              + ")",
          true);
    }
    Optional<Instant> next = schedule.next(attempt, at, random);
    if (next.isEmpty()) {
      return new DeliveryStep.GiveUp(
          failed, result, "no success after " + attempt + " attempts", false);
    }
    Instant due = next.get();
    if (result.retryAfter() != null && at.plus(result.retryAfter()).isAfter(due)) {
      due = at.plus(result.retryAfter()); // the endpoint asked for a longer pause
    }
    return new DeliveryStep.Retry(delivery.failed(result, at, due), result);
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
