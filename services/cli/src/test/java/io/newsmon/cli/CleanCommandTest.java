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

class CleanCommandTest {

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void capture() {
    original = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(original);
  }

  private static Path seeds() {
    return Path.of(System.getProperty("newsmon.home", "../..")).resolve("deploy/demo/seeds");
  }

  @Test
  void printsOneJsonObjectPerFile() throws Exception {
    int exit = new CommandLine(new Newsmon()).execute("clean", seeds().toString());

    List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(exit).isZero();
    assertThat(lines).hasSize(2);
    JsonNode markdown = new ObjectMapper().readTree(lines.get(1));
    assertThat(markdown.path("source").asText()).endsWith("001_69cd93adf557b6b8.txt");
    assertThat(markdown.path("title").asText())
        .isEqualTo("Ukraine Border Service Says No Sign of Russian Troops");
    assertThat(markdown.path("language").asText()).isEqualTo("en");
    assertThat(markdown.path("publishedAt").asText()).isEqualTo("2021-11-16T00:00:00Z");
    assertThat(markdown.path("url").asText())
        .startsWith("https://www.themoscowtimes.com/2021/11/16/");
    assertThat(markdown.has("author")).isTrue();
    assertThat(markdown.has("siteName")).isTrue();
    assertThat(markdown.path("text").asText()).contains("Andrii Demchenko").doesNotContain("](");
  }

  @Test
  void benchmarkFormatIsTheScorersInput(@TempDir Path dir) throws Exception {
    Files.copy(seeds().resolve("000_0089d118242a6352.txt"), dir.resolve("page-1.txt"));
    Files.writeString(dir.resolve("broken.html"), "<html><script>x()</script></html>");
    int exit =
        new CommandLine(new Newsmon()).execute("clean", "--format", "benchmark", dir.toString());

    JsonNode json = new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
    assertThat(exit).as("a refused input is reported by the exit code").isEqualTo(1);
    assertThat(json.path("page-1").path("articleBody").asText())
        .startsWith("Russia is not amassing its forces");
    assertThat(json.path("broken").path("articleBody").asText()).isEmpty();
  }
}
