package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.avro.DedupMethod;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over launched services: the packaged broker, pipeline and alert service run as their
 * own processes, exactly as {@code ./newsmon demo} runs them.
 */
class DemoIT {

  @TempDir Path work;

  @Test
  void seedPairYieldsOneVerifiedAlertAndOneSuppressedDuplicate() throws Exception {
    NewsmonHome home = new NewsmonHome(Path.of(System.getProperty("newsmon.home")));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

    Demo.Result result = Demo.run(home, work, Demo.seedFiles(home), out);
    int exit = Demo.report(result, out);

    assertThat(exit).as(log.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(result.summary())
        .isEqualTo("published 2, clean 2, unique 1, duplicates 1, flagged 1, delivered 1");

    WebhookReceiver.Call alert = result.deliveries().get(0);
    assertThat(alert.verified()).as(alert.verifyError()).isTrue();
    JsonNode body = new ObjectMapper().readTree(alert.body());
    assertThat(body.at("/data/topic/id").asText()).isEqualTo("border-tensions");
    assertThat(body.at("/data/article/title").asText())
        .isEqualTo("Ukraine Border Service Says No Sign of Russian Troops");
    assertThat(alert.header("webhook-id")).isEqualTo(body.at("/data/alertId").asText());

    assertThat(result.duplicateRecords())
        .singleElement()
        .satisfies(
            copy -> {
              assertThat(copy.getDecision().getMethod()).isEqualTo(DedupMethod.NEAR_DUPLICATE);
              assertThat(copy.getDecision().getDuplicateOf())
                  .isEqualTo(body.at("/data/article/id").asText());
            });
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("demo OK");
  }
}
