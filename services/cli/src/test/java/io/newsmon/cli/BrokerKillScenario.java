package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault (a): the broker leading most partitions is SIGKILLed while articles stream in, the load
 * goes on with two brokers, then the broker is restarted. Nothing is lost or doubled on the topics,
 * and no alert is delivered twice.
 */
class BrokerKillScenario {

  @TempDir Path work;

  @Test
  void brokerKilledAndRestartedUnderLoad() throws Exception {
    try (FaultScenario s = FaultScenario.start("broker-kill", work, settings -> settings)) {
      s.publishInBackground();
      s.awaitPublished(s.articleCount() * 35 / 100);
      int node = s.cluster().leaderOfMostPartitions();
      s.fault("broker " + node + " (leader of most partitions) SIGKILLed");
      s.cluster().kill(node);
      s.awaitPublished(s.articleCount() * 70 / 100);
      s.event("%d%% published with two brokers; restarting broker %d", 70, node);
      s.cluster().restart(node);
      s.faultOver("broker " + node + " back in every ISR");

      FaultScenario.Outcome outcome = s.awaitEndState(Duration.ofMinutes(8));

      outcome.assertNothingLost(s.publishedIds());
      assertThat(outcome.deliveredTwice()).as("alerts delivered twice").isEmpty();
    }
  }
}
