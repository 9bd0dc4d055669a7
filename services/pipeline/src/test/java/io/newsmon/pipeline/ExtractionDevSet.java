package io.newsmon.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The 91 real pages of the public article-extraction benchmark in {@code
 * ../shared/data/extraction-dev}: tests using it are skipped where it is absent, since it is
 * development data and not shipped.
 *
 * @param dir the data set's folder
 * @param gold page id to its hand-made extraction ({@code articleBody}) and URL
 */
public record ExtractionDevSet(Path dir, Map<String, JsonNode> gold) {

  /** The data set, or a skipped test when it is not on this machine. */
  public static ExtractionDevSet requireOrSkip() throws IOException {
    Path dir =
        Path.of(System.getProperty("newsmon.home", "../.."))
            .resolve("../shared/data/extraction-dev");
    assumeTrue(Files.isDirectory(dir), "extraction dev set not present at " + dir);
    JsonNode root = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    Map<String, JsonNode> gold = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> page = it.next();
      gold.put(page.getKey(), page.getValue());
    }
    return new ExtractionDevSet(dir, gold);
  }

  /** The page's HTML bytes. */
  public byte[] html(String id) throws IOException {
    try (InputStream in =
        new GZIPInputStream(Files.newInputStream(dir.resolve("html/" + id + ".html.gz")))) {
      return in.readAllBytes();
    }
  }

  public String articleBody(String id) {
    return gold.get(id).path("articleBody").asText();
  }
}
