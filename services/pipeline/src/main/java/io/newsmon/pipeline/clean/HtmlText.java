package io.newsmon.pipeline.clean;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * HTML to title, metadata and paragraphs with jsoup. First version: the main container is the
 * {@code <article>} (else {@code <main>}, else {@code <body>}) with navigation, asides, forms and
 * scripts removed. Issue 3 replaces this with a scored extractor.
 */
final class HtmlText {

  private static final String NOISE =
      "script, style, noscript, template, svg, nav, aside, footer, header, form, iframe, button, figure figcaption";

  private HtmlText() {}

  static Page parse(String html, String baseUri) {
    Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
    String title =
        first(
            doc.select("meta[property=og:title]").attr("content"),
            doc.select("article h1, main h1, h1").text(),
            doc.title());
    String canonical = doc.select("link[rel=canonical]").attr("abs:href");
    String published =
        first(
            doc.select("meta[property=article:published_time]").attr("content"),
            doc.select("time[datetime]").attr("datetime"));
    String lang = doc.select("html").attr("lang");

    Element root =
        first(
            doc.select("article"),
            doc.select("main"),
            doc.body() == null ? new Elements() : new Elements(doc.body()));
    List<String> paragraphs = new ArrayList<>();
    if (root != null) {
      Element body = root.clone();
      body.select(NOISE).remove();
      body.select("h1").remove(); // the title is reported separately
      for (Element block : body.select("p, h2, h3, h4, li, blockquote, pre")) {
        if (!block.select("p").isEmpty() && !"p".equals(block.tagName())) {
          continue; // its paragraphs are visited themselves
        }
        String text = block.text().strip();
        if (!text.isEmpty()) {
          paragraphs.add(text);
        }
      }
      if (paragraphs.isEmpty()) {
        String text = body.wholeText().strip();
        for (String part : text.split("\\n\\s*\\n")) {
          if (!part.isBlank()) {
            paragraphs.add(part.replaceAll("\\s+", " ").strip());
          }
        }
      }
    }
    return new Page(
        title,
        paragraphs,
        canonical.isEmpty() ? null : canonical,
        published.isEmpty() ? null : published,
        lang.isEmpty() ? null : lang);
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }

  private static Element first(Elements... candidates) {
    for (Elements e : candidates) {
      if (!e.isEmpty()) {
        return e.first();
      }
    }
    return null;
  }

  /** What the HTML says about itself. */
  record Page(
      String title,
      List<String> paragraphs,
      String canonicalUrl,
      String publishedAt,
      String language) {}
}
