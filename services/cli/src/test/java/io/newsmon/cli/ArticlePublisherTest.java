package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
    assertThat(ArticlePublisher.articleId(a))
        .isEqualTo(ArticlePublisher.articleId(a.clone()))
        .startsWith("art_");
    assertThat(ArticlePublisher.articleId(a))
        .isNotEqualTo(ArticlePublisher.articleId("other".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyRecordCarriesATraceId() {
    var article = ArticlePublisher.article(Path.of("x.txt"), "text/plain", new byte[] {1});
    assertThat(article.getTraceId()).hasSize(32);
    assertThat(article.getFileName()).isEqualTo("x.txt");
  }
}
