package io.newsmon.pipeline.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Formats, encodings and hostile input. */
class InputHandlingTest {

  private static final String PROSE =
      "Officials said on Friday that several thousand soldiers had arrived near the border overnight,"
          + " and satellite images showed armoured vehicles parked in fields a few kilometres from the"
          + " crossing point, according to two people familiar with the matter.";

  private final ArticleCleaner cleaner = new ArticleCleaner();

  @Test
  void charsetDeclaredInThePageIsHonoured() {
    String html =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-15\">"
            + "<title>Grève</title></head><body><article><p>Les cheminots ont annoncé une grève"
            + " illimitée à partir de lundi, a indiqué le syndicat dans un communiqué publié jeudi"
            + " soir, après l'échec des négociations avec la direction de l'entreprise publique.</p>"
            + "</article></body></html>";
    CleanedDocument doc =
        cleaner.clean(
            new RawDocument(
                html.getBytes(Charset.forName("ISO-8859-15")), "text/html", null, null));
    assertThat(doc.text()).contains("grève illimitée à partir");
    assertThat(doc.language()).isEqualTo("fr");
  }

  @Test
  void contentTypeParameterAndBomDecideTheCharset() {
    String text = PROSE.replace("Officials", "Ofiçials");
    CleanedDocument latin =
        cleaner.clean(
            new RawDocument(
                text.getBytes(StandardCharsets.ISO_8859_1),
                "text/plain; charset=ISO-8859-1",
                null,
                null));
    assertThat(latin.text()).startsWith("Ofiçials");

    byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE);
    assertThat(cleaner.clean(new RawDocument(utf16, "text/plain", null, null)).text())
        .startsWith("Ofiçials");
  }

  @Test
  void mislabelledUtf8IsRefusedWithTheReason() {
    byte[] latin = ("Caf\u00e9 " + PROSE).getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> cleaner.clean(new RawDocument(latin, "text/plain", "UTF-8", null)))
        .isInstanceOfSatisfying(
            RejectedArticleException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectedArticleException.Reason.UNDECODABLE))
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void formatIsSniffedWhenTheContentTypeSaysNothing() {
    String html =
        "<!DOCTYPE html><html><body><article><p>" + PROSE + "</p></article></body></html>";
    CleanedDocument doc =
        cleaner.clean(
            new RawDocument(
                html.getBytes(StandardCharsets.UTF_8), "application/octet-stream", null, null));
    assertThat(doc.text()).isEqualTo(PROSE).doesNotContain("<p>");
  }

  @Test
  void jsonRecordsAreCleanedAndTheirMetadataWins() {
    String json =
        "{\"url\":\"https://news.example/a?utm_medium=x\",\"title\":\"Troops at the border\","
            + "\"author\":\"Jane Doe\",\"publishedAt\":\"2024-05-01T08:00:00Z\","
            + "\"html\":\"<html><body><nav>Home</nav><article><p>"
            + PROSE
            + "</p></article></body></html>\"}";
    CleanedDocument doc =
        cleaner.clean(
            new RawDocument(json.getBytes(StandardCharsets.UTF_8), "application/json", null, null));
    assertThat(doc.title()).isEqualTo("Troops at the border");
    assertThat(doc.text()).isEqualTo(PROSE);
    assertThat(doc.author()).isEqualTo("Jane Doe");
    assertThat(doc.publishedAt()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
    assertThat(doc.canonicalUrl()).isEqualTo("https://news.example/a");

    assertThatThrownBy(
            () ->
                cleaner.clean(
                    new RawDocument(
                        "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                        "application/json",
                        null,
                        null)))
        .isInstanceOf(RejectedArticleException.class)
        .hasMessageContaining("no html, text");
    assertThatThrownBy(
            () ->
                cleaner.clean(
                    new RawDocument(
                        "{broken".getBytes(StandardCharsets.UTF_8),
                        "application/json",
                        null,
                        null)))
        .isInstanceOf(RejectedArticleException.class)
        .hasMessageContaining("not a JSON article record");
  }

  @Test
  void invisibleCharactersAndSoftHyphensAreRemovedButQuotesKept() {
    String text =
        "He said \u201cno\u201d to the pro\u00ADposal\u200B near the bor\u00ADder. " + PROSE;
    CleanedDocument doc =
        cleaner.clean(
            new RawDocument(text.getBytes(StandardCharsets.UTF_8), "text/plain", null, null));
    assertThat(doc.text()).startsWith("He said \u201cno\u201d to the proposal near the border.");
  }

  @Test
  void metadataComesFromJsonLdAndMetaTags() {
    String html =
        "<html lang=\"en\"><head><title>Troops | Example News</title>"
            + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
            + "\"headline\":\"Troops gather\",\"datePublished\":\"2024-03-01T10:00:00+01:00\","
            + "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"}],\"publisher\":{\"name\":\"Example News\"}}</script>"
            + "</head><body><article><h1>Troops gather</h1><p>"
            + PROSE
            + "</p></article></body></html>";
    CleanedDocument doc =
        cleaner.clean(
            new RawDocument(html.getBytes(StandardCharsets.UTF_8), "text/html", null, null));
    assertThat(doc.title()).isEqualTo("Troops gather");
    assertThat(doc.publishedAt()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
    assertThat(doc.author()).isEqualTo("Jane Doe");
    assertThat(doc.siteName()).isEqualTo("Example News");
    assertThat(doc.paragraphs()).containsExactly(PROSE);
  }

  @Test
  @Timeout(30) // bounded, not a speed claim: speed is measured in docs/benchmarks.md
  void pathologicallyNestedHtmlIsHandled() {
    StringBuilder html = new StringBuilder("<html><body>");
    html.append("<div>".repeat(50_000))
        .append("<p>")
        .append(PROSE)
        .append("</p>")
        .append("</div>".repeat(50_000));
    html.append("</body></html>");
    byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
    CleanedDocument doc = cleaner.clean(new RawDocument(bytes, "text/html", null, null));
    assertThat(doc.text()).isEqualTo(PROSE);
  }

  @Test
  @Timeout(30) // bounded, not a speed claim
  void pathologicalMarkdownCannotMakeTheRegularExpressionsBacktrack() {
    String hostile = "*a _b [c](d ".repeat(200_000) + "\n\n" + PROSE;
    // 2 MiB of text once parsed: refused for its size, but only after every Markdown pattern has
    // run over all of it, within the timeout.
    assertThatThrownBy(
            () ->
                cleaner.clean(
                    new RawDocument(
                        hostile.getBytes(StandardCharsets.UTF_8), "text/markdown", null, null)))
        .isInstanceOfSatisfying(
            RejectedArticleException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectedArticleException.Reason.TOO_LARGE));
    String shorter = "*a _b [c](d ".repeat(20_000) + "\n\n" + PROSE;
    CleanedDocument doc =
        cleaner.clean(
            new RawDocument(shorter.getBytes(StandardCharsets.UTF_8), "text/markdown", null, null));
    assertThat(doc.text()).contains("several thousand soldiers");
  }

  @Test
  void htmlEntitiesInScrapedTextAreDecoded() {
    String text = "Tom &amp; Jerry&#8217;s border crossing &mdash; " + PROSE;
    CleanedDocument doc =
        cleaner.clean(
            new RawDocument(text.getBytes(StandardCharsets.UTF_8), "text/plain", null, null));
    assertThat(doc.text()).startsWith("Tom & Jerry\u2019s border crossing \u2014 Officials");
  }

  @Test
  void oversizedScriptOnlyAndEmptyPagesAreRefused() {
    byte[] huge = new byte[Payloads.MAX_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) 'a');
    assertReason(huge, "text/html", RejectedArticleException.Reason.TOO_LARGE);
    assertReason(
        "<html><head><script>var x = 1;</script></head><body><script>render()</script></body></html>"
            .getBytes(StandardCharsets.UTF_8),
        "text/html",
        RejectedArticleException.Reason.NO_TEXT);
    assertReason(
        "   \n ".getBytes(StandardCharsets.UTF_8),
        "text/plain",
        RejectedArticleException.Reason.NO_TEXT);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
    assertReason(
        png.toByteArray(), "application/octet-stream", RejectedArticleException.Reason.BINARY);
  }

  private void assertReason(byte[] payload, String type, RejectedArticleException.Reason reason) {
    assertThatThrownBy(() -> cleaner.clean(new RawDocument(payload, type, null, null)))
        .isInstanceOfSatisfying(
            RejectedArticleException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
