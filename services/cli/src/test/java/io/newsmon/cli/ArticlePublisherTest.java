package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticlePublisherTest {

  @Test
  void contentTypeFollowsTheExtension() {
    assertThat(ArticlePublisher.contentType(Path.of("a.html"))).isEqualTo("text/html");
    assertThat(ArticlePublisher.contentType(Path.of("a.HTML.gz"))).isEqualTo("text/html");
    assertThat(ArticlePublisher.contentType(Path.of("a.md"))).isEqualTo("text/markdown");
    assertThat(ArticlePublisher.contentType(Path.of("a.txt"))).isEqualTo("text/plain");
    assertThat(ArticlePublisher.contentType(Path.of("a.png"))).isNull();
  }

  @Test
  void articleIdIsStableForTheSameBytesAndDiffersOtherwise() {
    byte[] a = "same".getBytes(StandardCharsets.UTF_8);
    assertThat(io.newsmon.common.ArticleIds.ofPayload(a))
        .isEqualTo(io.newsmon.common.ArticleIds.ofPayload(a.clone()))
        .startsWith("art_");
    assertThat(io.newsmon.common.ArticleIds.ofPayload(a))
        .isNotEqualTo(
            io.newsmon.common.ArticleIds.ofPayload("other".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyRecordCarriesATraceId() {
    var article = ArticlePublisher.article("x.txt", "text/plain", new byte[] {1});
    assertThat(article.getTraceId()).hasSize(32);
    assertThat(article.getFileName()).isEqualTo("x.txt");
  }

  @Test
  void eachJsonLineIsAnArticleAndABrokenLineIsRefusedWithItsNumber(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("batch.jsonl");
    Files.writeString(
        file,
        """
        {"url": "https://news.example/1", "title": "One", "text": "First story."}

        {"url": "https://news.example/2", "title": "Two", "text": "Second story."}
        {"url": "https://news.example/3", "title": broken
        [1, 2]
        """);

    List<ArticlePublisher.Item> items =
        ArticlePublisher.items(file, ArticlePublisher.contentType(file));

    assertThat(items)
        .extracting(ArticlePublisher.Item::label)
        .containsExactly("batch.jsonl:1", "batch.jsonl:3", "batch.jsonl:4", "batch.jsonl:5");
    assertThat(items.get(0).article().getContentType()).isEqualTo("application/json");
    assertThat(items.get(0).article().getArticleId())
        .as("stable: the id is a hash of the line")
        .isEqualTo(ArticlePublisher.items(file, "application/json").get(0).article().getArticleId())
        .isNotEqualTo(items.get(1).article().getArticleId());
    assertThat(items.get(2).problem()).startsWith("not JSON");
    assertThat(items.get(3).problem()).isEqualTo("not a JSON object");
  }

  @Test
  void gzippedFilesArePublishedDecompressed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("page.html.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("<html><body><p>Hello</p></body></html>".getBytes(StandardCharsets.UTF_8));
    }
    ArticlePublisher.Item item = ArticlePublisher.items(file, "text/html").get(0);
    assertThat(StandardCharsets.UTF_8.decode(item.article().getPayload()).toString())
        .startsWith("<html>");
    assertThat(item.article().getFileName()).isEqualTo("page.html.gz");
  }
}
