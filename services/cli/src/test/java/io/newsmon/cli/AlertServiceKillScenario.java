package io.newsmon.cli;

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
      s.assertRepeatsOnlyUnrecordedAt(outcome, killedAt, inFlight);
    }
  }
}
