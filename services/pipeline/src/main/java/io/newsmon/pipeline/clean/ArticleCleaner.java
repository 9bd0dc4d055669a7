package io.newsmon.pipeline.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsmon.common.HttpUrls;
import io.newsmon.pipeline.clean.RejectedArticleException.Reason;
import io.newsmon.pipeline.text.TextNormalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Turns a raw document into a clean article: detect the format (from the content type, then the
 * content), decode, extract the main text by format, read metadata, drop boilerplate, normalise the
 * text for display and detect the language.
 *
 * <p>Not thread-safe (the language detector keeps per-call state): one instance per stream task.
 */
public final class ArticleCleaner {

  private static final Pattern DATE_LINE =
      Pattern.compile(
          "^(January|February|March|April|May|June|July|August|September|October|November|December)"
              + " \\d{1,2}, \\d{4}$");
  private static final Pattern URL_LINE = Pattern.compile("^<?(https?://\\S+?)>?$");
  private static final int MAX_TITLE_WORDS = 25;
  private static final Pattern MARKDOWN_HEADING = Pattern.compile("(?m)^#{1,6} \\S");
  private static final Pattern MARKDOWN_LINK =
      Pattern.compile("\\[[^\\]\\n]{1,500}]\\([^)\\s]{0,2000}\\)");
  private static final Pattern CHARSET_PARAM =
      Pattern.compile("(?i)charset\\s*=\\s*\"?([^\\s;\"]+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LanguageGuesser languages = new LanguageGuesser();

  /** The formats the cleaner reads. */
  enum Format {
    HTML,
    MARKDOWN,
    PLAIN,
    JSON
  }

  /** Cleans one document; throws {@link RejectedArticleException} when it is not an article. */
  public CleanedDocument clean(RawDocument raw) {
    String charset = raw.charset() != null ? raw.charset() : charsetParameter(raw.contentType());
    Format format = Formats.detect(raw.contentType(), raw.payload());
    String text = Payloads.decode(raw.payload(), charset, format == Format.HTML);
    if (format == Format.PLAIN && looksLikeMarkdown(text)) {
      format = Format.MARKDOWN;
    }
    if (format == Format.PLAIN || format == Format.MARKDOWN) {
      // Scrapers often keep HTML entities (&amp;, &#8217;) in text and Markdown copies.
      text = Parser.unescapeEntities(text, false);
    }
    CleanedDocument doc =
        switch (format) {
          case HTML -> fromHtml(text, raw.url());
          case MARKDOWN -> fromBlocks(MarkdownText.blocks(text), raw.url());
          case PLAIN -> fromBlocks(plainBlocks(text), raw.url());
          case JSON -> fromJson(text, raw.url());
        };
    return finish(doc, raw.titleHint());
  }

  /**
   * Display normalisation, the text requirement and the language, common to all formats. A document
   * that names no headline gets the producer's, else its first paragraph.
   */
  private CleanedDocument finish(CleanedDocument doc, String titleHint) {
    List<String> paragraphs = new ArrayList<>();
    for (String p : doc.paragraphs()) {
      String display = TextNormalizer.display(p);
      if (!display.isEmpty()) {
        paragraphs.add(display);
      }
    }
    requireText(paragraphs);
    requireFits(paragraphs);
    String title = TextNormalizer.display(doc.title());
    if (title.isEmpty() && titleHint != null) {
      title = TextNormalizer.display(titleHint);
    }
    String language = languages.guess(String.join("\n", paragraphs));
    // What the record or page calls its URL reaches webhooks and pages: only a link, never a
    // javascript: or file: string or text that merely sits where a URL should.
    String url = doc.url() == null || HttpUrls.absolute(doc.url()) == null ? null : doc.url();
    return new CleanedDocument(
        headline(title.isEmpty() ? paragraphs.get(0) : title),
        paragraphs,
        url,
        doc.canonicalUrl(),
        doc.publishedAt(),
        language != null ? language : doc.language(),
        doc.author() == null ? null : TextNormalizer.display(doc.author()),
        doc.siteName() == null ? null : TextNormalizer.display(doc.siteName()));
  }

  /**
   * Largest main text, in UTF-8 bytes, the stage passes on. {@code news.clean} and the topics after
   * it keep the broker's default 1 MiB record limit, and a record above it makes the stage's
   * producer fail, which stops the stream thread on that record at every restart: the text, its
   * headline and later the flags must fit in one record. A real article's text is rarely above 100
   * KiB; what is above this is a crawler accident, refused like an oversized payload.
   */
  static final int MAX_TEXT_BYTES = 512 * 1024;

  /** Longest headline kept: one named by no page, taken from the first paragraph, is cut. */
  static final int MAX_TITLE_CHARS = 1000;

  private static void requireFits(List<String> paragraphs) {
    long bytes = 0;
    for (String p : paragraphs) {
      bytes += utf8Length(p) + 2; // the blank line between paragraphs
    }
    if (bytes > MAX_TEXT_BYTES) {
      throw new RejectedArticleException(
          Reason.TOO_LARGE,
          "main text of " + bytes + " bytes exceeds the limit of " + MAX_TEXT_BYTES);
    }
  }

  private static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }

  /** {@code title}, cut at a word boundary with an ellipsis when it is longer than a headline. */
  static String headline(String title) {
    if (title.length() <= MAX_TITLE_CHARS) {
      return title;
    }
    int cut = title.lastIndexOf(' ', MAX_TITLE_CHARS - 1);
    if (cut <= MAX_TITLE_CHARS / 2) {
      cut = MAX_TITLE_CHARS - 1; // no word boundary near the end: cut inside the word
      if (Character.isHighSurrogate(title.charAt(cut - 1))) {
        cut--;
      }
    }
    return title.substring(0, cut).strip() + "\u2026";
  }

  private static String charsetParameter(String contentType) {
    Matcher m = CHARSET_PARAM.matcher(contentType);
    return m.find() ? m.group(1) : null;
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
    String source = url != null ? url : meta.canonicalUrl();
    String canonical = CanonicalUrl.of(meta.canonicalUrl() != null ? meta.canonicalUrl() : url);
    return new CleanedDocument(
        meta.title() != null ? meta.title() : "",
        body,
        source,
        canonical,
        meta.publishedAt(),
        meta.language(),
        meta.author(),
        meta.siteName());
  }

  /**
   * A JSON article record: {@code url}, {@code title}, the body as {@code html} (cleaned like a
   * page) or as {@code text}/{@code body}/{@code content} (cleaned like scraped text), and optional
   * {@code author}, {@code publishedAt}, {@code siteName}, {@code language}. What the record states
   * overrides what the cleaner finds.
   */
  private CleanedDocument fromJson(String json, String url) {
    JsonNode record;
    try {
      record = JSON.readTree(json);
    } catch (Exception e) {
      throw new RejectedArticleException(
          Reason.UNDECODABLE, "not a JSON article record: " + e.getMessage());
    }
    if (record == null || !record.isObject()) {
      throw new RejectedArticleException(
          Reason.UNDECODABLE, "a JSON article record must be an object");
    }
    String recordUrl = first(field(record, "url"), url);
    String html = field(record, "html");
    String text =
        first(field(record, "text"), first(field(record, "body"), field(record, "content")));
    CleanedDocument found;
    if (html != null) {
      found = fromHtml(html, recordUrl);
    } else if (text != null) {
      found =
          fromBlocks(
              looksLikeMarkdown(text) ? MarkdownText.blocks(text) : plainBlocks(text), recordUrl);
    } else {
      throw new RejectedArticleException(
          Reason.NO_TEXT, "JSON record has no html, text, body or content field");
    }
    String source = first(recordUrl, found.url());
    return new CleanedDocument(
        first(field(record, "title"), found.title()),
        found.paragraphs(),
        source,
        CanonicalUrl.of(first(field(record, "canonicalUrl"), first(found.canonicalUrl(), source))),
        first(
            Dates.parse(first(field(record, "publishedAt"), field(record, "datePublished"))),
            found.publishedAt()),
        first(field(record, "language"), found.language()),
        first(field(record, "author"), found.author()),
        first(field(record, "siteName"), found.siteName()));
  }

  private static String field(JsonNode record, String name) {
    JsonNode value = record.get(name);
    return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  private static <T> T first(T a, T b) {
    return a != null ? a : b;
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
      title = ""; // finish() names it
    }
    String source = url != null ? url : foundUrl;
    return new CleanedDocument(
        title, body, source, CanonicalUrl.of(source), published, null, null, null);
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
        blocks.add(new MarkdownText.Block(collapseSpaces(current), false));
      }
    }
    return blocks;
  }

  /** {@code text} with each run of ASCII white space made one space, as {@code \\s+} matches. */
  static String collapseSpaces(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = c == ' ' || (c >= '\t' && c <= '\r');
      if (!space) {
        out.append(c);
      } else if (!inSpace) {
        out.append(' ');
      }
      inSpace = space;
    }
    return out.toString();
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
}
