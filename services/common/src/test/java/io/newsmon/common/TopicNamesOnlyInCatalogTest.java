package io.newsmon.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Only TopicCatalog spells a topic name; everything else refers to its constants. */
class TopicNamesOnlyInCatalogTest {

  @Test
  void noSourceFileOutsideTheCatalogSpellsATopicName() throws IOException {
    Path home = Path.of(System.getProperty("newsmon.home", "../.."));
    Pattern literal =
        Pattern.compile(
            "\""
                + "("
                + String.join(
                    "|", TopicCatalog.ALL.stream().map(t -> Pattern.quote(t.name())).toList())
                + ")\""
                // the per-topic streams, news.topic.<id>
                + "|\"news\\.topic\\.");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(home.resolve("services"))) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".properties"))
              .filter(p -> !p.toString().contains("/target/"))
              .filter(p -> !p.getFileName().toString().equals("TopicCatalog.java"))
              .filter(p -> literal.matcher(read(p)).find())
              .map(p -> home.relativize(p).toString())
              .toList();
    }
    assertThat(offenders)
        .as("files that spell a topic name instead of using TopicCatalog")
        .isEmpty();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
