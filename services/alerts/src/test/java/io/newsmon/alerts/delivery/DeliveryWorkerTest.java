package io.newsmon.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.alerts.subscription.SubscriptionRegistry;
import io.newsmon.alerts.subscription.WebhookSubscription;
import io.newsmon.avro.Alert;
import io.newsmon.common.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeliveryWorkerTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final SubscriptionRegistry registry = new SubscriptionRegistry();
  private final Set<String> delivered = new HashSet<>();
  private final DeliveryLedger ledger =
      new DeliveryLedger() {
        @Override
        public boolean isDelivered(String alertId) {
          return delivered.contains(alertId);
        }

        @Override
        public void recordDelivered(Alert alert) {
          delivered.add(alert.getAlertId());
        }
      };
  private final MutableClock clock = new MutableClock(START);
  private final Deque<DeliveryResult> answers = new ArrayDeque<>();
  private final List<String> sentIds = new ArrayList<>();
  private final WebhookSender sender =
      new WebhookSender(Duration.ofSeconds(1), clock) {
        @Override
        public DeliveryResult send(
            URI url, List<String> secrets, String messageId, String payload) {
          sentIds.add(messageId);
          return answers.isEmpty() ? new DeliveryResult(200, null, 1) : answers.pop();
        }
      };
  private final List<Duration> pauses = new ArrayList<>();
  private final EndpointRateLimiter rateLimiter =
      new EndpointRateLimiter(1000, System::nanoTime) {
        @Override
        public void slowDown(URI url, Duration pause) {
          pauses.add(pause);
        }
      };
  private final EndpointHealthBook health = EndpointHealthBook.inMemory();
  private final DeliveryWorker worker = worker(RetrySchedule.STANDARD_WEBHOOKS, Duration.ofDays(5));

  private DeliveryWorker worker(RetrySchedule schedule, Duration disableAfter) {
    return new DeliveryWorker(
        registry::get,
        ledger,
        sender,
        rateLimiter,
        health,
        schedule,
        disableAfter,
        clock,
        new SplittableRandom(7));
  }

  @Test
  void aSuccessfulAttemptIsDelivered() {
    registry.put(subscription(WebhookSubscription.Status.ACTIVE));
    DeliveryStep step = worker.attempt(due());
    assertThat(step).isInstanceOf(DeliveryStep.Delivered.class);
    assertThat(step.delivery().attempts()).isEqualTo(1);
    assertThat(sentIds).containsExactly("msg_1");
  }

  @Test
  void serverErrorsAndTimeoutsAreRetriedOnTheScheduleWithJitter() {
    registry.put(subscription(WebhookSubscription.Status.ACTIVE));
    answers.add(new DeliveryResult(503, null, 5));
    answers.add(new DeliveryResult(0, "timed out", 15_000));

    DeliveryStep first = worker.attempt(due());
    assertThat(first).isInstanceOf(DeliveryStep.Retry.class);
    // After the first failure: 5 s ± 20 %.
    assertThat(Duration.between(START, first.delivery().nextAttemptAt()))
        .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));
    assertThat(first.delivery().lastStatus()).isEqualTo(503);
    assertThat(first.delivery().firstFailureAt()).isEqualTo(START);

    clock.set(first.delivery().nextAttemptAt());
    DeliveryStep second = worker.attempt(first.delivery());
    assertThat(second).isInstanceOf(DeliveryStep.Retry.class);
    assertThat(second.delivery().attempts()).isEqualTo(2);
    assertThat(second.delivery().lastStatus()).isNull();
    assertThat(second.delivery().lastError()).isEqualTo("timed out");
    // After the second: 5 min ± 20 %.
    assertThat(Duration.between(clock.instant(), second.delivery().nextAttemptAt()))
        .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
    assertThat(sentIds).containsExactly("msg_1", "msg_1");
  }

  @Test
  void theLastFailedAttemptGivesUp() {
    registry.put(subscription(WebhookSubscription.Status.ACTIVE));
    DeliveryWorker twoAttempts =
        worker(
            new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(1)), 0),
            Duration.ofDays(5));
    answers.add(new DeliveryResult(500, null, 1));
    answers.add(new DeliveryResult(500, null, 1));

    DeliveryStep first = twoAttempts.attempt(due());
    DeliveryStep last = twoAttempts.attempt(first.delivery());

    assertThat(last)
        .isInstanceOfSatisfying(
            DeliveryStep.GiveUp.class,
            g -> {
              assertThat(g.reason()).isEqualTo("no success after 2 attempts");
              assertThat(g.disableSubscription()).isFalse();
            });
  }

  @Test
  void clientErrorsAreNotRetried() {
    registry.put(subscription(WebhookSubscription.Status.ACTIVE));
    answers.add(new DeliveryResult(400, null, 1));
    assertThat(worker.attempt(due()))
        .isInstanceOfSatisfying(
            DeliveryStep.GiveUp.class, g -> assertThat(g.reason()).contains("HTTP 400"));
    assertThat(sentIds).hasSize(1);
  }

  @Test
  void goneDisablesTheSubscription() {
    registry.put(subscription(WebhookSubscription.Status.ACTIVE));
    answers.add(new DeliveryResult(410, null, 1));
    assertThat(worker.attempt(due()))
        .isInstanceOfSatisfying(
            DeliveryStep.GiveUp.class, g -> assertThat(g.disableSubscription()).isTrue());
  }

  @Test
  void retryAfterSlowsTheEndpointAndDelaysTheRetry() {
    registry.put(subscription(WebhookSubscription.Status.ACTIVE));
    answers.add(new DeliveryResult(429, null, 1, Duration.ofMinutes(3)));
    answers.add(new DeliveryResult(502, null, 1));

    DeliveryStep first = worker.attempt(due());
    DeliveryStep second = worker.attempt(first.delivery());

    assertThat(first.delivery().nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));
    assertThat(second).isInstanceOf(DeliveryStep.Retry.class);
    assertThat(pauses).containsExactly(Duration.ofMinutes(3), DeliveryWorker.SLOW_DOWN_PAUSE);
  }

  @Test
  void anEndpointFailingForTooLongGetsItsSubscriptionDisabled() {
    registry.put(subscription(WebhookSubscription.Status.ACTIVE));
    DeliveryWorker strict = worker(RetrySchedule.STANDARD_WEBHOOKS, Duration.ofHours(1));
    answers.add(new DeliveryResult(500, null, 1));
    answers.add(new DeliveryResult(500, null, 1));
    answers.add(new DeliveryResult(500, null, 1));

    assertThat(strict.attempt(due())).isInstanceOf(DeliveryStep.Retry.class);
    clock.set(START.plus(Duration.ofMinutes(30)));
    assertThat(strict.attempt(due("msg_2"))).isInstanceOf(DeliveryStep.Retry.class);
    clock.set(START.plus(Duration.ofMinutes(61)));

    assertThat(strict.attempt(due("msg_3")))
        .isInstanceOfSatisfying(
            DeliveryStep.GiveUp.class,
            g -> {
              assertThat(g.disableSubscription()).isTrue();
              assertThat(g.reason()).contains("failing without a success since " + START);
            });
  }

  @Test
  void aSuccessEndsTheFailingPeriod() {
    registry.put(subscription(WebhookSubscription.Status.ACTIVE));
    DeliveryWorker strict = worker(RetrySchedule.STANDARD_WEBHOOKS, Duration.ofHours(1));
    answers.add(new DeliveryResult(500, null, 1));
    answers.add(new DeliveryResult(200, null, 1));
    answers.add(new DeliveryResult(500, null, 1));

    strict.attempt(due());
    clock.set(START.plus(Duration.ofMinutes(30)));
    assertThat(strict.attempt(due("msg_2"))).isInstanceOf(DeliveryStep.Delivered.class);
    clock.set(START.plus(Duration.ofMinutes(61)));

    assertThat(strict.attempt(due("msg_3"))).isInstanceOf(DeliveryStep.Retry.class);
  }

  @Test
  void pausedSubscriptionsWaitDeletedOnesDropAndDisabledOnesGiveUp() {
    registry.put(subscription(WebhookSubscription.Status.PAUSED));
    DeliveryStep paused = worker.attempt(due());
    assertThat(paused).isInstanceOf(DeliveryStep.Postponed.class);
    assertThat(paused.delivery().attempts()).isZero();
    assertThat(paused.delivery().nextAttemptAt())
        .isEqualTo(START.plus(DeliveryWorker.PAUSED_RECHECK));

    registry.put(subscription(WebhookSubscription.Status.DISABLED));
    assertThat(worker.attempt(due())).isInstanceOf(DeliveryStep.GiveUp.class);

    registry.remove("s1");
    assertThat(worker.attempt(due())).isInstanceOf(DeliveryStep.Dropped.class);
    assertThat(sentIds).isEmpty();
  }

  @Test
  void anAlertAlreadyDeliveredIsNotSentAgain() {
    registry.put(subscription(WebhookSubscription.Status.ACTIVE));
    delivered.add("msg_1");
    assertThat(worker.attempt(due())).isInstanceOf(DeliveryStep.AlreadyDelivered.class);
    assertThat(sentIds).isEmpty();
  }

  @Test
  void aDigestIsOneWebhookAndItsOutcomeAppliesToEveryAlertInIt() {
    registry.put(subscription(WebhookSubscription.Status.ACTIVE));
    List<PendingDelivery> window =
        List.of(
            DigestPayloadTest.alert("msg_a", "2026-01-01T00:01:00Z"),
            DigestPayloadTest.alert("msg_b", "2026-01-01T00:02:00Z"));
    answers.add(new DeliveryResult(503, null, 1));

    List<DeliveryStep> failed = worker.attemptDigest(window);

    String digestId = DigestPayload.digestId(window);
    assertThat(sentIds).containsExactly(digestId);
    assertThat(failed).allSatisfy(step -> assertThat(step).isInstanceOf(DeliveryStep.Retry.class));
    assertThat(failed)
        .extracting(step -> step.delivery().nextAttemptAt())
        .as("retried together")
        .containsOnly(failed.get(0).delivery().nextAttemptAt());
    assertThat(failed).extracting(step -> step.delivery().digestId()).containsOnly(digestId);

    List<DeliveryStep> retried =
        worker.attemptDigest(failed.stream().map(DeliveryStep::delivery).toList());
    assertThat(sentIds).as("the retry resends the same digest").containsExactly(digestId, digestId);
    assertThat(retried)
        .allSatisfy(step -> assertThat(step).isInstanceOf(DeliveryStep.Delivered.class));
  }

  @Test
  void aDigestWhoseAlertsWereAllDeliveredIsNotSentAgain() {
    registry.put(subscription(WebhookSubscription.Status.ACTIVE));
    delivered.add("msg_a");
    List<DeliveryStep> steps =
        worker.attemptDigest(List.of(DigestPayloadTest.alert("msg_a", "2026-01-01T00:01:00Z")));
    assertThat(steps).singleElement().isInstanceOf(DeliveryStep.AlreadyDelivered.class);
    assertThat(sentIds).isEmpty();
  }

  private static PendingDelivery due() {
    return due("msg_1");
  }

  private static PendingDelivery due(String alertId) {
    return PendingDelivery.first(
        alertId, "s1", "t1", "border-tensions", "c1", "a1", "Title", null, 0.9, "{}", START);
  }

  private static WebhookSubscription subscription(WebhookSubscription.Status status) {
    return new WebhookSubscription(
        "s1",
        "t1",
        Set.of("border-tensions"),
        URI.create("http://127.0.0.1:1/hook"),
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        0,
        status,
        Instant.EPOCH,
        Instant.EPOCH);
  }
}
