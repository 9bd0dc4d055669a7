package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault (f): two of the three brokers are SIGKILLed at once while articles stream in. With {@code
 * min.insync.replicas} 2 no write can be acknowledged, and since every broker also votes in the
 * KRaft quorum, the cluster has no controller either: everything stops. After {@link #DOWN} both
 * come back, one after the other. Producers hold their records and retry meanwhile (the outage is
 * shorter than their delivery timeout), so nothing is lost, nothing doubled, no alert sent twice.
 */
class TwoBrokersDownScenario {

  static final Duration DOWN = Duration.ofSeconds(20);

  @TempDir Path work;

  @Test
  void twoOfThreeBrokersKilledAndRestarted() throws Exception {
    try (FaultScenario s = FaultScenario.start("two-brokers-down", work, settings -> settings)) {
      s.publishInBackground();
      s.awaitPublished(s.articleCount() * 35 / 100);
      int leader = s.cluster().leaderOfMostPartitions();
      List<Integer> down =
          List.of(leader, leader == 1 ? 2 : 1); // the leader of most partitions and one other
      s.fault("brokers " + down + " SIGKILLed: no quorum, no in-sync majority");
      for (int node : down) {
        s.cluster().kill(node);
      }
      Thread.sleep(DOWN); // the fault's length is the point: the cluster stays down this long
      s.event("restarting brokers %s", down);
      for (int node : down) {
        s.cluster().restart(node);
      }
      s.faultOver("brokers " + down + " back in every ISR");

      FaultScenario.Outcome outcome = s.awaitEndState(Duration.ofMinutes(8));

      outcome.assertNothingLost(s.publishedIds());
      assertThat(outcome.deliveredTwice()).as("alerts delivered twice").isEmpty();
    }
  }
}
