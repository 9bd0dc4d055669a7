package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault (g): one pipeline instance is frozen (SIGSTOP) for {@link #FROZEN}, longer than the
 * consumer session timeout, then let run again. Meanwhile the group gives its tasks to the other
 * instance, and the transaction coordinator aborts the transactions it left open. When it runs
 * again it is a zombie: it still believes it owns its tasks and tries to go on where it stopped.
 * Exactly-once has to fence it (its producer epoch is stale), so that nothing it wrote before or
 * after the freeze shows twice to {@code read_committed} readers; then it rejoins and shares the
 * work again. A network partition that cuts an instance off for as long ends the same way.
 */
class PipelinePauseScenario {

  static final Duration FROZEN = Duration.ofSeconds(60);

  @TempDir Path work;

  @Test
  void pipelineInstanceFrozenAndThawed() throws Exception {
    try (FaultScenario s = FaultScenario.start("pipeline-pause", work, settings -> settings)) {
      s.publishInBackground();
      s.awaitPublished(s.articleCount() * 35 / 100);
      s.fault("pipeline instance 'pipeline' frozen (SIGSTOP) for " + FROZEN.toSeconds() + " s");
      s.pause(Stack.PIPELINE);
      Thread.sleep(FROZEN); // the freeze's length is the point: longer than the session timeout
      s.resume(Stack.PIPELINE);
      s.faultOver("pipeline instance 'pipeline' running again (SIGCONT)");

      FaultScenario.Outcome outcome = s.awaitEndState(Duration.ofMinutes(8));

      outcome.assertNothingLost(s.publishedIds());
      assertThat(outcome.deliveredTwice()).as("alerts delivered twice").isEmpty();
      URI pipeline = s.stack().endpoints().pipelineHealth();
      double running = FaultScenario.scrape(pipeline, "newsmon_pipeline_streams_running", "");
      s.event(
          "the thawed instance: streams running %s, stream threads replaced %s",
          running,
          FaultScenario.scrape(pipeline, "newsmon_pipeline_stream_threads_replaced_total", ""));
      assertThat(running).as("the thawed instance runs again").isEqualTo(1.0);
    }
  }
}
