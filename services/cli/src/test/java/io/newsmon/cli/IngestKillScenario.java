package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault (e): the ingest service is SIGKILLed while a client posts articles to it, and restarted.
 * The client does what a careful client does with a refused or unanswered post: sends it again
 * until it gets its 202. The service answers 202 only after {@code news.raw} acknowledged the
 * record, so nothing acknowledged is lost; an article sent again whose first post did reach Kafka
 * comes out as a copy of itself (same article id) and is never alerted twice.
 */
class IngestKillScenario {

  @TempDir Path work;

  @Test
  void ingestServiceKilledWhileClientsPost() throws Exception {
    try (FaultScenario s = FaultScenario.start("ingest-kill", work, settings -> settings)) {
      s.postThroughIngestInBackground();
      s.awaitPublished(s.articleCount() * 35 / 100);
      s.fault("ingest service SIGKILLed");
      s.stack().kill(Stack.INGEST);
      s.awaitSendingAgain();
      s.event("the client is sending again; restarting the ingest service");
      s.stack().restart(Stack.INGEST, Duration.ofSeconds(60));
      s.faultOver("ingest service running again");

      FaultScenario.Outcome outcome = s.awaitEndState(Duration.ofMinutes(8));
      s.event("the client sent %d article(s) more than once", s.sentAgain().size());

      assertThat(s.sentAgain()).as("articles the client had to send again").isNotEmpty();
      outcome.assertNothingLost(s.publishedIds(), s.sentAgain());
      assertThat(outcome.deliveredTwice()).as("alerts delivered twice").isEmpty();
    }
  }
}
