package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault (b): one of the two pipeline instances is SIGKILLed mid-stream; the other takes over its
 * tasks (exactly-once: the killed instance's open transactions are aborted), then the killed one is
 * restarted and rejoins. Every article is counted once, every border story flagged once and alerted
 * once.
 */
class PipelineKillScenario {

  @TempDir Path work;

  @Test
  void pipelineInstanceKilledMidStream() throws Exception {
    try (FaultScenario s = FaultScenario.start("pipeline-kill", work, settings -> settings)) {
      s.publishInBackground();
      s.awaitPublished(s.articleCount() * 35 / 100);
      s.fault("pipeline instance 'pipeline' SIGKILLed");
      s.stack().kill(Stack.PIPELINE);
      s.awaitPublished(s.articleCount() * 70 / 100);
      s.event("%d%% published with one pipeline instance; restarting the killed one", 70);
      s.stack().restart(Stack.PIPELINE, Duration.ofSeconds(30));
      s.faultOver("pipeline instance 'pipeline' running again");

      FaultScenario.Outcome outcome = s.awaitEndState(Duration.ofMinutes(8));

      outcome.assertNothingLost(s.publishedIds());
      assertThat(outcome.deliveredTwice()).as("alerts delivered twice").isEmpty();
    }
  }
}
