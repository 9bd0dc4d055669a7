package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault (c): the alert service instance that delivers the subscription's alerts is SIGKILLed while
 * deliveries are in flight (the receiver holds each call 2 s before answering). The other instance
 * takes the delivery partition over and sends what was pending. An alert whose call the receiver
 * had got but not answered when the instance died, or had answered moments before but whose 2xx the
 * instance had not yet recorded (the delivered copy, the ledger entry and the tombstone are three
 * acknowledged writes), cannot be known as delivered: it is sent again, with the same webhook-id.
 * The scenario measures how many, and checks that no other alert repeats.
 */
class AlertServiceKillScenario {

  /**
   * How long before the kill an answered call may still be unrecorded: three acknowledged writes on
   * three brokers, on a busy 2-core machine.
   */
  static final Duration RECORDING_WINDOW = Duration.ofSeconds(5);

  @TempDir Path work;

  @Test
  void alertServiceKilledWithDeliveriesInFlight() throws Exception {
    try (FaultScenario s = FaultScenario.start("alert-service-kill", work, settings -> settings)) {
      s.receiver().respondAfter(Duration.ofSeconds(2));
      s.publishInBackground();
      s.awaitDelivered(20);
      String victim = s.deliveringAlertService();
      s.event("'%s' is delivering the subscription's alerts", victim);
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> s.receiver().unanswered().size() >= 2);
      s.stack().kill(victim);
      Instant killedAt = Instant.now();
      Set<String> inFlight = s.receiver().unanswered();
      s.fault(
          "alert service instance '"
              + victim
              + "' (the one delivering) SIGKILLed with "
              + inFlight.size()
              + " calls unanswered at the receiver");

      FaultScenario.Outcome outcome = s.awaitEndState(Duration.ofMinutes(8));

      outcome.assertNothingLost(s.publishedIds());
      int unanswered = 0;
      long latestAnswer = 0;
      for (String id : outcome.deliveredTwice().keySet()) {
        if (inFlight.contains(id)) {
          unanswered++;
          continue;
        }
        Instant answered =
            s.receiver()
                .firstAnswered(id)
                .orElseThrow(() -> new AssertionError(id + " repeated but never answered"));
        long before = Duration.between(answered, killedAt).toMillis();
        assertThat(before)
            .as("%s repeated: answered %d ms before the kill, not after it", id, before)
            .isBetween(0L, RECORDING_WINDOW.toMillis());
        latestAnswer = Math.max(latestAnswer, before);
      }
      s.event(
          "%d alerts delivered twice: %d unanswered at the kill (of %d), %d answered at most %d ms"
              + " before it, their 2xx not yet recorded",
          outcome.deliveredTwice().size(),
          unanswered,
          inFlight.size(),
          outcome.deliveredTwice().size() - unanswered,
          latestAnswer);
      assertThat(outcome.deliveredTwice().values()).as("at most twice").allMatch(n -> n == 2);
    }
  }
}
