package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final Pattern RUNNING =
      Pattern.compile("(?m)^newsmon_pipeline_streams_running(?:\\{[^}]*})? ([0-9.E]+)");
  private static final Pattern REPLACED =
      Pattern.compile(
          "(?m)^newsmon_pipeline_stream_threads_replaced_total(?:\\{[^}]*})? ([0-9.E]+)");

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
      String metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(s.stack().endpoints().pipelineHealth().resolve("/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      s.event(
          "the thawed instance: streams running %s, stream threads replaced %s",
          value(RUNNING, metrics), value(REPLACED, metrics));
      assertThat(value(RUNNING, metrics)).as("the thawed instance runs again").isEqualTo("1.0");
    }
  }

  private static String value(Pattern metric, String body) {
    Matcher m = metric.matcher(body);
    return m.find() ? m.group(1) : "absent";
  }
}
