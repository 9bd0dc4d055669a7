package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FlagCommandTest {

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private static Path seeds() {
    return Path.of(System.getProperty("newsmon.home", "../..")).resolve("deploy/demo/seeds");
  }

  @Test
  void flagsTheSeedsBorderTensionsWithEvidenceAndCountries() throws Exception {
    int exit = new CommandLine(new Newsmon()).execute("flag", seeds().toString());

    List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(exit).isZero();
    assertThat(lines).hasSize(2);
    for (String line : lines) {
      JsonNode row = new ObjectMapper().readTree(line);
      JsonNode first = row.path("topics").get(0);
      assertThat(first.path("id").asText()).isEqualTo("border-tensions");
      assertThat(first.path("score").asDouble()).isGreaterThanOrEqualTo(0.4);
      assertThat(first.path("matched").size()).isPositive();
      assertThat(first.path("snippet").asText()).contains("<<");
      assertThat(row.path("countries").toString()).contains("\"UA\"", "\"RU\"");
    }
  }

  @Test
  void flagsWithAnotherCatalogFile(@TempDir Path dir) throws Exception {
    Path catalog = dir.resolve("catalog.yaml");
    Files.writeString(
        catalog, "topics:\n  - id: ukraine\n    query: 'Ukraine AND country:RU'\n    version: 1\n");

    new CommandLine(new Newsmon())
        .execute("flag", "--topics", catalog.toString(), seeds().toString());

    assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("\"id\":\"ukraine\"");
  }

  @Test
  void topicsTestExplainsMatchesAndRefusesBadQueriesWithWhere() throws Exception {
    int ok =
        new CommandLine(new Newsmon())
            .execute("topics", "test", "(troops OR forces) NEAR/5 border", seeds().toString());
    assertThat(ok).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .contains("\"matched\":true")
        .contains("\"terms\":[\"forces\",\"border\"");

    int refused =
        new CommandLine(new Newsmon())
            .execute("topics", "test", "border AND *order", seeds().toString());
    assertThat(refused).isEqualTo(2);
    assertThat(stderr.toString(StandardCharsets.UTF_8))
        .contains("query refused at character 11")
        .contains("starts with a wildcard");
  }
}
