package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault (c): the alert service instance that delivers the subscription's alerts is SIGKILLed while
 * deliveries are in flight (the receiver holds each call 2 s before answering). The other instance
 * takes the delivery partition over and sends what was pending. An alert whose call the receiver
 * had got but not answered when the instance died cannot be known as delivered: it is sent again,
 * with the same webhook-id. The scenario measures how many, and checks that no other alert repeats.
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
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> s.receiver().unanswered().size() >= 2);
      s.stack().kill(victim);
      Set<String> inFlight = s.receiver().unanswered();
      s.fault(
          "alert service instance '"
              + victim
              + "' (the one delivering) SIGKILLed with "
              + inFlight.size()
              + " calls unanswered at the receiver");

      FaultScenario.Outcome outcome = s.awaitEndState(Duration.ofMinutes(8));

      outcome.assertNothingLost(s.publishedIds());
      s.event(
          "%d alerts delivered twice, all among the %d in flight when the instance died",
          outcome.deliveredTwice().size(), inFlight.size());
      assertThat(outcome.deliveredTwice().keySet())
          .as("only alerts in flight at the kill may repeat")
          .isSubsetOf(inFlight);
      assertThat(outcome.deliveredTwice().values()).as("at most twice").containsOnly(2);
    }
  }
}
