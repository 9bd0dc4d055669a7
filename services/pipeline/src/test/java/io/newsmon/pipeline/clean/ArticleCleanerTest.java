package io.newsmon.pipeline.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.pipeline.SeedArticles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {

  private final ArticleCleaner cleaner = new ArticleCleaner();

  @Test
  void scrapedSeedLosesItsDonationAndNewsletterBoilerplate() {
    CleanedDocument doc =
        cleaner.clean(
            new RawDocument(SeedArticles.bytes(SeedArticles.SCRAPED), "text/plain", null, null));

    assertThat(doc.title()).isEqualTo("Ukraine Border Service Says No Sign of Russian Troops");
    assertThat(doc.paragraphs().get(0))
        .startsWith("Russia is not amassing its forces on the immediate border");
    assertThat(doc.paragraphs()).last().isEqualTo("AFP contributed reporting.");
    assertThat(doc.text())
        .doesNotContain(
            "Support The Moscow Times",
            "newsletter",
            "Dear readers",
            "Remind me later",
            "Read more",
            "president.gov.ua",
            "Monthly");
    assertThat(doc.language()).isEqualTo("en");
    assertThat(doc.wordCount()).isBetween(300, 400);
  }

  @Test
  void markdownSeedKeepsTextAndYieldsDateAndUrl() {
    CleanedDocument doc =
        cleaner.clean(
            new RawDocument(SeedArticles.bytes(SeedArticles.MARKDOWN), "text/plain", null, null));

    assertThat(doc.title()).isEqualTo("Ukraine Border Service Says No Sign of Russian Troops");
    assertThat(doc.publishedAt()).isEqualTo(Instant.parse("2021-11-16T00:00:00Z"));
    assertThat(doc.url())
        .isEqualTo(
            "https://www.themoscowtimes.com/2021/11/16/ukraine-border-service-says-no-sign-of-russian-troops-a75572");
    assertThat(doc.canonicalUrl()).isEqualTo(doc.url());
    assertThat(doc.text())
        .contains("border service said Monday", "Andrii Demchenko")
        .doesNotContain("](", "**", "Related article", "Original url", "<https");
  }

  @Test
  void htmlArticleKeepsParagraphsAndDropsNavigation() {
    String html =
        """
        <html lang="en-GB"><head><title>Site | Headline</title>
        <meta property="og:title" content="Troops gather at the frontier">
        <link rel="canonical" href="https://news.example/a?utm_source=x&id=7">
        <meta property="article:published_time" content="2024-03-01T10:00:00+01:00"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Troops gather at the frontier</h1>
        <p>Officials said on Friday that several thousand soldiers had arrived near the border overnight.</p>
        <p>Satellite images showed armoured vehicles parked in fields a few kilometres from the crossing point.</p>
        <aside>Sign up for our newsletter</aside></article><footer>All rights reserved</footer></body></html>""";
    CleanedDocument doc =
        cleaner.clean(
            new RawDocument(
                html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", null, null));

    assertThat(doc.title()).isEqualTo("Troops gather at the frontier");
    assertThat(doc.paragraphs()).hasSize(2);
    assertThat(doc.canonicalUrl()).isEqualTo("https://news.example/a?id=7");
    assertThat(doc.publishedAt()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
    assertThat(doc.language()).isEqualTo("en");
  }

  @Test
  void refusesWhatIsNotAnArticleWithAReason() {
    assertRejected(new byte[0], "text/plain", RejectedArticleException.Reason.EMPTY);
    assertRejected(
        new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 1, 2},
        "text/plain",
        RejectedArticleException.Reason.BINARY);
    assertRejected(
        "short".getBytes(StandardCharsets.UTF_8),
        "text/plain",
        RejectedArticleException.Reason.NO_TEXT);
    assertRejected(
        "<html><script>var a=1;</script></html>".getBytes(StandardCharsets.UTF_8),
        "text/html",
        RejectedArticleException.Reason.NO_TEXT);
    assertRejected(
        "x".getBytes(StandardCharsets.UTF_8),
        "image/png",
        RejectedArticleException.Reason.UNSUPPORTED_CONTENT_TYPE);
    assertThatThrownBy(
            () ->
                cleaner.clean(
                    new RawDocument(
                        "abc".getBytes(StandardCharsets.UTF_8),
                        "text/plain",
                        "no-such-charset",
                        null)))
        .isInstanceOf(RejectedArticleException.class)
        .hasMessageContaining("unknown charset");
  }

  @Test
  void undeclaredLegacyEncodingFallsBackToWindows1252() {
    String text =
        "Caf\u00e9 owners near the border said soldiers had arrived in the village early on Tuesday morning "
            + "and stayed until the evening, while officials declined to comment on the reports of movements.";
    CleanedDocument doc =
        cleaner.clean(
            new RawDocument(
                text.getBytes(java.nio.charset.Charset.forName("windows-1252")),
                "text/plain",
                null,
                null));
    assertThat(doc.text()).contains("Caf\u00e9");
  }

  @Test
  void undeclaredCyrillicLegacyEncodingsAreDetected() {
    String text =
        "Российские войска стянуты к границе с Украиной, сообщили в понедельник официальные лица."
            + " По их словам, колонны бронетехники замечены вблизи пограничных сел, а жители"
            + " рассказывают о передвижении военных грузовиков по ночам.";
    for (String charset : java.util.List.of("windows-1251", "KOI8-R")) {
      CleanedDocument doc =
          cleaner.clean(
              new RawDocument(
                  text.getBytes(java.nio.charset.Charset.forName(charset)),
                  "text/plain",
                  null,
                  null));
      assertThat(doc.text()).as(charset).contains("Российские войска стянуты к границе");
    }
  }

  private void assertRejected(byte[] payload, String type, RejectedArticleException.Reason reason) {
    assertThatThrownBy(() -> cleaner.clean(new RawDocument(payload, type, null, null)))
        .isInstanceOfSatisfying(
            RejectedArticleException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
