package io.newsmon.pipeline.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * What a page says about itself: title, publication time, author, site name, canonical URL and
 * language, from JSON-LD ({@code NewsArticle} and kin), Open Graph and other meta tags, {@code
 * <time>} and microdata, in that order of trust.
 */
record HtmlMetadata(
    String title,
    Instant publishedAt,
    String author,
    String siteName,
    String canonicalUrl,
    String language) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle",
          "article",
          "blogposting",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "backgroundnewsarticle",
          "reviewnewsarticle",
          "report",
          "webpage",
          "liveblogposting",
          "scholarlyarticle",
          "techarticle");

  static HtmlMetadata of(Document doc) {
    // Each fallback below is a selector run over the whole page, so they are looked at only when
    // everything before them came up empty; meta tags are gathered once and searched among
    // themselves.
    JsonNode ld = jsonLdArticle(doc);
    Elements metas = doc.getElementsByTag("meta");
    String title =
        first(
            () -> text(ld, "headline"),
            () -> meta(metas, "meta[property=og:title]"),
            () -> meta(metas, "meta[name=twitter:title]"),
            () -> doc.select("h1").text(),
            doc::title);
    Instant published =
        firstInstant(
            () -> text(ld, "datePublished"),
            () -> meta(metas, "meta[property=article:published_time]"),
            () -> meta(metas, "meta[itemprop=datePublished]"),
            () -> doc.select("[itemprop=datePublished][datetime]").attr("datetime"),
            () -> meta(metas, "meta[name=pubdate]"),
            () -> meta(metas, "meta[name=publishdate]"),
            () -> meta(metas, "meta[name=parsely-pub-date]"),
            () -> meta(metas, "meta[name=dc.date]"),
            () -> meta(metas, "meta[name=DC.date.issued]"),
            () -> meta(metas, "meta[name=date]"),
            () -> meta(metas, "meta[property=og:published_time]"),
            () -> doc.select("time[datetime]").attr("datetime"));
    String author =
        first(
            () -> ldName(ld == null ? null : ld.get("author")),
            () -> meta(metas, "meta[name=author]"),
            () -> {
              String profile = meta(metas, "meta[property=article:author]");
              return profile.startsWith("http") ? "" : profile;
            },
            () -> meta(metas, "meta[name=parsely-author]"),
            () -> doc.select("[itemprop=author] [itemprop=name]").text(),
            () -> doc.select("[rel=author]").text());
    String site =
        first(
            () -> meta(metas, "meta[property=og:site_name]"),
            () -> ldName(ld == null ? null : ld.get("publisher")),
            () -> meta(metas, "meta[name=application-name]"));
    String canonical =
        first(
            () -> doc.select("link[rel=canonical]").attr("abs:href"),
            () -> meta(metas, "meta[property=og:url]"));
    String lang =
        first(
            () -> doc.select("html").attr("lang"),
            () -> meta(metas, "meta[http-equiv=content-language]"),
            () -> text(ld, "inLanguage"));
    return new HtmlMetadata(
        clean(title),
        published,
        clean(author),
        clean(site),
        canonical.isBlank() ? null : canonical,
        lang.isBlank() ? null : lang.split("[-_]")[0].toLowerCase(Locale.ROOT));
  }

  private static String clean(String value) {
    return value == null || value.isBlank() ? null : value.replaceAll("\\s+", " ").strip();
  }

  private static JsonNode jsonLdArticle(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      try {
        JsonNode found = findArticle(JSON.readTree(script.data()));
        if (found != null) {
          return found;
        }
      } catch (Exception e) {
        // Broken JSON-LD is common; the meta tags still count.
      }
    }
    return null;
  }

  private static JsonNode findArticle(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        JsonNode found = findArticle(item);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (node.has("@graph")) {
      return findArticle(node.get("@graph"));
    }
    JsonNode type = node.get("@type");
    List<String> types = new ArrayList<>();
    if (type != null && type.isArray()) {
      type.forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
    } else if (type != null) {
      types.add(type.asText().toLowerCase(Locale.ROOT));
    }
    boolean article = types.stream().anyMatch(ARTICLE_TYPES::contains);
    return article && (node.has("headline") || node.has("datePublished")) ? node : null;
  }

  private static String text(JsonNode node, String field) {
    if (node == null || !node.has(field)) {
      return "";
    }
    JsonNode value = node.get(field);
    return value.isTextual() ? value.asText() : "";
  }

  private static String ldName(JsonNode node) {
    if (node == null) {
      return "";
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isArray()) {
      List<String> names = new ArrayList<>();
      node.forEach(
          n -> {
            String name = ldName(n);
            if (!name.isBlank()) {
              names.add(name);
            }
          });
      return String.join(", ", names);
    }
    return node.path("name").asText("");
  }

  private static String meta(Elements metas, String selector) {
    return metas.select(selector).attr("content");
  }

  @SafeVarargs
  private static String first(Supplier<String>... candidates) {
    for (Supplier<String> candidate : candidates) {
      String v = candidate.get();
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }

  @SafeVarargs
  private static Instant firstInstant(Supplier<String>... candidates) {
    for (Supplier<String> candidate : candidates) {
      Instant parsed = Dates.parse(candidate.get());
      if (parsed != null) {
        return parsed;
      }
    }
    return null;
  }
}
