package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault (d): the webhook receiver goes down (connection refused) for {@link #DOWN} while articles
 * keep coming, then comes back on the same port. With a retry schedule shortened for the test,
 * every alert arrives after it is back, none twice.
 */
class WebhookReceiverDownScenario {

  static final Duration DOWN = Duration.ofSeconds(150);

  /** The Standard Webhooks schedule compressed: ten attempts over about six minutes. */
  static final String SHORT_SCHEDULE = "0s,5s,10s,30s,60s,60s,60s,60s,60s,60s";

  @TempDir Path work;

  @Test
  void receiverDownForMinutesThenBack() throws Exception {
    try (FaultScenario s =
        FaultScenario.start(
            "receiver-down",
            work,
            settings ->
                settings.withEnv(
                    Stack.ALERTS,
                    Map.of("NEWSMON_ALERTS_DELIVERY_RETRY_SCHEDULE", SHORT_SCHEDULE)))) {
      s.publishInBackground();
      s.awaitDelivered(20);
      s.receiver().goDown();
      s.fault("webhook receiver down (connection refused) for " + DOWN.toSeconds() + " s");
      int before = s.receiver().calls().size();
      Thread.sleep(DOWN); // the fault's length is the point: the receiver stays down this long
      assertThat(s.receiver().calls()).as("nothing arrives while down").hasSize(before);
      s.receiver().comeBack();
      s.faultOver("webhook receiver back on the same port");

      FaultScenario.Outcome outcome = s.awaitEndState(Duration.ofMinutes(8));

      outcome.assertNothingLost(s.publishedIds());
      assertThat(outcome.deliveredTwice()).as("alerts delivered twice").isEmpty();
    }
  }
}
