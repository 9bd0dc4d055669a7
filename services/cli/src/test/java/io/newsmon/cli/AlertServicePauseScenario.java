package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault (h): the alert service instance delivering the subscription's alerts is frozen (SIGSTOP)
 * for {@link #FROZEN}, longer than the consumer session timeout, while it holds deliveries waiting
 * for their next attempt (the receiver refused connections for a while before), and then runs
 * again. Meanwhile the receiver comes back and the other instance takes the delivery partition over
 * and sends everything. When the frozen instance runs again it is a zombie holding a schedule in
 * which every retry is overdue: it must send none of them, the partition is no longer its own. No
 * call is in flight at the freeze (the receiver refuses them), so no alert may arrive twice.
 */
class AlertServicePauseScenario {

  static final Duration FROZEN = Duration.ofSeconds(60);

  /** Into the freeze, when the receiver comes back: before the other instance takes over. */
  static final Duration RECEIVER_BACK_AFTER = Duration.ofSeconds(20);

  @TempDir Path work;

  @Test
  void deliveringAlertServiceFrozenWithRetriesDueAndThawed() throws Exception {
    try (FaultScenario s =
        FaultScenario.start(
            "alert-service-pause",
            work,
            settings ->
                settings.withEnv(
                    Stack.ALERTS,
                    Map.of(
                        "NEWSMON_ALERTS_DELIVERY_RETRY_SCHEDULE",
                        WebhookReceiverDownScenario.SHORT_SCHEDULE)))) {
      s.publishInBackground();
      s.awaitDelivered(20);
      String victim = s.deliveringAlertService();
      s.event("'%s' is delivering the subscription's alerts", victim);
      s.receiver().goDown();
      s.event("receiver down (connection refused)");
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> s.alertServiceMetric(victim, "newsmon_alerts_retry_backlog") >= 5);
      double due = s.alertServiceMetric(victim, "newsmon_alerts_retry_backlog");
      s.pause(victim);
      s.fault(
          "alert service instance '%s' frozen (SIGSTOP) with %.0f deliveries waiting to be retried"
              .formatted(victim, due));
      Thread.sleep(RECEIVER_BACK_AFTER); // fault timing, as in the other scenarios
      s.receiver().comeBack();
      s.event("receiver back");
      Thread.sleep(FROZEN.minus(RECEIVER_BACK_AFTER));
      s.resume(victim);
      s.faultOver("'" + victim + "' running again (SIGCONT), its retries overdue");

      FaultScenario.Outcome outcome = s.awaitEndState(Duration.ofMinutes(8));

      outcome.assertNothingLost(s.publishedIds());
      assertThat(outcome.deliveredTwice()).as("alerts delivered twice").isEmpty();
    }
  }
}
