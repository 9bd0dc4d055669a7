package io.newsmon.pipeline.clean;

import io.newsmon.pipeline.clean.RejectedArticleException.Reason;
import io.newsmon.pipeline.text.TextNormalizer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns a raw document into a clean article: decode, split into blocks by format, find title, date
 * and source URL, drop boilerplate. Stateless and thread-safe.
 */
public final class ArticleCleaner {

  private static final Pattern DATE_LINE =
      Pattern.compile(
          "^(January|February|March|April|May|June|July|August|September|October|November|December)"
              + " \\d{1,2}, \\d{4}$");
  private static final DateTimeFormatter DATE_FORMAT =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);
  private static final Pattern URL_LINE = Pattern.compile("^<?(https?://\\S+?)>?$");
  private static final Set<String> ENGLISH_STOPWORDS =
      Set.of(
          "the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "with", "as",
          "said", "by", "it", "at", "from", "his", "her", "have", "has", "are", "were", "be",
          "this", "not");
  private static final int MAX_TITLE_WORDS = 25;
  private static final Pattern MARKDOWN_HEADING = Pattern.compile("(?m)^#{1,6} \\S");
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[[^\\]\\n]+]\\([^)\\s]*\\)");

  /** Cleans one document; throws {@link RejectedArticleException} when it is not an article. */
  public CleanedDocument clean(RawDocument raw) {
    String text = Payloads.decode(raw.payload(), raw.charset());
    String type = raw.contentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
    return switch (type) {
      case "text/html", "application/xhtml+xml" -> fromHtml(text, raw.url());
      case "text/markdown", "text/x-markdown" -> fromBlocks(MarkdownText.blocks(text), raw.url());
      case "text/plain" ->
          fromBlocks(
              looksLikeMarkdown(text) ? MarkdownText.blocks(text) : plainBlocks(text), raw.url());
      default ->
          throw new RejectedArticleException(
              Reason.UNSUPPORTED_CONTENT_TYPE,
              "content type '"
                  + raw.contentType()
                  + "' is not text/html, text/markdown or text/plain");
    };
  }

  private CleanedDocument fromHtml(String html, String url) {
    Document doc = Jsoup.parse(html, url == null ? "" : url);
    HtmlMetadata meta = HtmlMetadata.of(doc);
    List<String> body = new ArrayList<>(Boilerplate.strip(HtmlExtractor.mainText(doc)));
    if (meta.title() != null) {
      // The headline repeated in the body (kicker-plus-headline variants included) is not text.
      String title = TextNormalizer.normalize(meta.title());
      body.removeIf(
          p ->
              title.contains(TextNormalizer.normalize(p)) && Boilerplate.words(p) >= 3
                  || TextNormalizer.normalize(p).equals(title));
    }
    requireText(body);
    String title = meta.title() != null ? meta.title() : body.get(0);
    String source = url != null ? url : meta.canonicalUrl();
    String canonical = CanonicalUrl.of(meta.canonicalUrl() != null ? meta.canonicalUrl() : url);
    return new CleanedDocument(
        title,
        body,
        source,
        canonical,
        meta.publishedAt(),
        meta.language() != null ? meta.language() : guessLanguage(body),
        meta.author(),
        meta.siteName());
  }

  private CleanedDocument fromBlocks(List<MarkdownText.Block> blocks, String url) {
    String title = null;
    Instant published = null;
    String foundUrl = null;
    boolean bodyStarted = false;
    List<String> paragraphs = new ArrayList<>();
    for (MarkdownText.Block block : blocks) {
      String t = block.text();
      Matcher urlLine = URL_LINE.matcher(t);
      if (DATE_LINE.matcher(t).matches() && published == null) {
        published = Dates.fromText(t);
      } else if (urlLine.matches()) {
        foundUrl = foundUrl == null ? urlLine.group(1) : foundUrl;
      } else if (title == null && !bodyStarted && looksLikeTitle(block)) {
        title = t;
      } else {
        paragraphs.add(t);
        bodyStarted |= Boilerplate.words(t) >= 8 && !Boilerplate.isMarker(t);
      }
    }
    List<String> body = Boilerplate.strip(paragraphs);
    requireText(body);
    if (title == null) {
      title = body.get(0);
    }
    String source = url != null ? url : foundUrl;
    return new CleanedDocument(
        title, body, source, CanonicalUrl.of(source), published, guessLanguage(body), null, null);
  }

  private static boolean looksLikeTitle(MarkdownText.Block block) {
    String t = block.text();
    if (block.heading()) {
      return true;
    }
    int words = Boilerplate.words(t);
    return words >= 3 && words <= MAX_TITLE_WORDS && !t.endsWith(".") && !Boilerplate.isMarker(t);
  }

  private static List<MarkdownText.Block> plainBlocks(String text) {
    List<MarkdownText.Block> blocks = new ArrayList<>();
    for (String part : text.replace("\r\n", "\n").split("\\n\\s*\\n")) {
      // A scraped page keeps menu items and buttons on lines of their own: keep lines apart
      // when they are short, join wrapped prose.
      StringBuilder current = new StringBuilder();
      for (String line : part.split("\n")) {
        String l = line.strip();
        if (l.isEmpty()) {
          continue;
        }
        if (!current.isEmpty() && Boilerplate.words(l) <= 3) {
          blocks.add(new MarkdownText.Block(current.toString(), false));
          current.setLength(0);
        }
        if (!current.isEmpty()) {
          current.append(' ');
        }
        current.append(l);
      }
      if (!current.isEmpty()) {
        blocks.add(new MarkdownText.Block(current.toString().replaceAll("\\s+", " "), false));
      }
    }
    return blocks;
  }

  /** Scrapers often save Markdown as .txt: a heading line or two links give it away. */
  static boolean looksLikeMarkdown(String text) {
    return MARKDOWN_HEADING.matcher(text).find()
        || MARKDOWN_LINK.matcher(text).results().limit(2).count() == 2;
  }

  private static void requireText(List<String> body) {
    // Twenty words, or eighty letters for scripts written without spaces (Chinese, Japanese).
    int words = body.stream().mapToInt(Boilerplate::words).sum();
    long letters =
        body.stream().flatMapToInt(String::codePoints).filter(Character::isLetter).count();
    if (words < 20 && letters < 80) {
      throw new RejectedArticleException(
          Reason.NO_TEXT, "no article text found (fewer than 20 words remain)");
    }
  }

  /** English or unknown, by stopword share; a language-detection library replaces it in issue 3. */
  static String guessLanguage(List<String> body) {
    int words = 0;
    int stop = 0;
    for (String p : body) {
      for (String w : p.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
        if (!w.isEmpty()) {
          words++;
          if (ENGLISH_STOPWORDS.contains(w)) {
            stop++;
          }
        }
      }
    }
    return words > 0 && stop * 100 / words >= 15 ? "en" : null;
  }
}
