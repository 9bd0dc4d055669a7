package io.newsmon.ingest.articles;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.avro.RawArticle;
import io.newsmon.common.ArticleIds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ArticleSubmissionsTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private final ArticleSubmissions submissions =
      new ArticleSubmissions(1000, Clock.fixed(NOW, ZoneOffset.UTC));

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private RawArticle accepted(ArticleSubmissions.Outcome outcome) {
    assertThat(outcome).isInstanceOf(ArticleSubmissions.Accepted.class);
    return ((ArticleSubmissions.Accepted) outcome).article();
  }

  private ArticleSubmissions.Refused refused(ArticleSubmissions.Outcome outcome) {
    assertThat(outcome).isInstanceOf(ArticleSubmissions.Refused.class);
    return (ArticleSubmissions.Refused) outcome;
  }

  @Test
  void aJsonRecordIsPublishedAsItCameWithItsUrlAsTheId() {
    byte[] body = bytes("{\"url\":\"https://mt.example/a\",\"title\":\"T\",\"text\":\"Body.\"}");
    RawArticle article = accepted(submissions.submit("acme", "application/json", null, null, body));

    assertThat(article.getArticleId()).isEqualTo(ArticleIds.ofLink("acme", "https://mt.example/a"));
    assertThat(article.getSourceId()).as("the tenant by default").isEqualTo("acme");
    assertThat(article.getUrl()).isEqualTo("https://mt.example/a");
    assertThat(article.getContentType()).isEqualTo("application/json");
    assertThat(article.getPayload().array()).isEqualTo(body);
    assertThat(article.getIngestedAt()).isEqualTo(NOW);
    assertThat(article.getTraceId()).matches("[0-9a-f]{32}");
    assertThat(accepted(submissions.submit("acme", "application/json", null, null, body)))
        .extracting(RawArticle::getArticleId, RawArticle::getTraceId)
        .as("sent again: the same id, its own trace")
        .satisfies(
            ids -> {
              assertThat(ids.get(0)).isEqualTo(article.getArticleId());
              assertThat(ids.get(1)).isNotEqualTo(article.getTraceId());
            });
  }

  @Test
  void rawHtmlNeedsItsUrlAndKeepsItsCharset() {
    byte[] page = bytes("<html><body><p>Troops massed.</p></body></html>");
    RawArticle article =
        accepted(
            submissions.submit(
                "acme", "text/html; charset=windows-1251", "https://x.example/1", "x-news", page));
    assertThat(article.getSourceId()).isEqualTo("x-news");
    assertThat(article.getCharset()).isEqualTo("windows-1251");
    assertThat(article.getContentType()).isEqualTo("text/html");
    assertThat(article.getArticleId())
        .isEqualTo(ArticleIds.ofLink("x-news", "https://x.example/1"));

    assertThat(refused(submissions.submit("acme", "text/html", null, null, page)))
        .extracting(ArticleSubmissions.Refused::status, ArticleSubmissions.Refused::reason)
        .containsExactly(400, "missing-url");
  }

  @Test
  void plainTextWithoutUrlIsKeyedByItsBytes() {
    byte[] text = bytes("Troops massed at the border.");
    RawArticle article = accepted(submissions.submit("acme", "text/plain", null, null, text));
    assertThat(article.getArticleId()).isEqualTo(ArticleIds.ofPayload(text));
    assertThat(article.getUrl()).isNull();
    assertThat(
            accepted(
                    submissions.submit("acme", "application/xhtml+xml", "http://a.b/c", null, text))
                .getContentType())
        .isEqualTo("text/html");
  }

  @Test
  void everyRefusalSaysWhatToMend() {
    assertThat(refused(submissions.submit("acme", "text/plain", null, null, new byte[1001])))
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(413);
              assertThat(r.message()).contains("1001 bytes").contains("at most 1000");
            });
    assertThat(refused(submissions.submit("acme", "text/plain", null, null, new byte[0])).status())
        .isEqualTo(400);
    assertThat(refused(submissions.submit("acme", "image/png", null, null, bytes("x"))))
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(415);
              assertThat(r.message()).contains("image/png").contains("application/json");
            });
    assertThat(refused(submissions.submit("acme", null, null, null, bytes("x"))).message())
        .contains("(none)");
    assertThat(refused(submissions.submit("acme", "application/json", null, null, bytes("{"))))
        .extracting(ArticleSubmissions.Refused::reason)
        .isEqualTo("bad-json");
    assertThat(
            refused(submissions.submit("acme", "application/json", null, null, bytes("[1]")))
                .message())
        .isEqualTo("the JSON must be an object (an article record)");
    assertThat(
            refused(
                    submissions.submit(
                        "acme", "application/json", null, null, bytes("{\"title\":\"T\"}")))
                .message())
        .contains("no article");
    assertThat(
            refused(
                    submissions.submit(
                        "acme", "application/json", null, null, bytes("{\"text\":[1]}")))
                .message())
        .isEqualTo("field 'text' must be a string");
    assertThat(refused(submissions.submit("acme", "text/plain", "ftp://x/y", null, bytes("x"))))
        .extracting(ArticleSubmissions.Refused::reason)
        .isEqualTo("bad-url");
    assertThat(refused(submissions.submit("acme", "text/plain", null, "Bad Source", bytes("x"))))
        .extracting(ArticleSubmissions.Refused::reason)
        .isEqualTo("bad-source");
    assertThat(
            refused(
                    submissions.submit(
                        "acme", "text/plain; charset=klingon", null, null, bytes("x")))
                .reason())
        .isEqualTo("bad-charset");
  }
}
