package io.newsmon.feeds;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsmon.common.Hashes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads RSS 0.9x, 1.0 (RDF) and 2.0 and Atom 0.3 and 1.0 documents with ROME, and smooths over what
 * real feeds get wrong: relative links, entries without dates, the same GUID twice, HTML pages
 * served where a feed was expected. Never throws for bad input: it says why in a {@link Result}.
 */
public final class FeedParser {

  /** What reading a document gave. */
  public sealed interface Result {}

  /** A feed. */
  public record Parsed(ParsedFeed feed) implements Result {}

  /** Not a feed we can read, and why (shown in logs and counted in metrics). */
  public record Unreadable(String reason) implements Result {}

  private FeedParser() {}

  /**
   * @param body the document's bytes as served
   * @param url where it was fetched from (after redirects): relative links resolve against it
   * @param contentType the HTTP {@code Content-Type}, or null; its charset is used when the XML
   *     prolog does not declare one
   */
  public static Result parse(byte[] body, URI url, String contentType) {
    if (body.length == 0) {
      return new Unreadable("empty document");
    }
    if (looksLikeHtml(body, contentType)) {
      return new Unreadable("an HTML page, not a feed");
    }
    SyndFeed feed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false); // no external entities: feeds come from anywhere
      feed = input.build(reader);
    } catch (FeedException | IOException | IllegalArgumentException e) {
      return new Unreadable("not a readable feed: " + firstLine(e.getMessage()));
    }
    URI base = baseOf(feed, url);
    List<FeedEntry> entries = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (SyndEntry entry : feed.getEntries()) {
      URI link = resolve(base, entry.getLink());
      String id = entryId(entry, link);
      if (!ids.add(id)) {
        continue; // the same GUID twice in one document: the first one counts
      }
      entries.add(
          new FeedEntry(
              id,
              link,
              clean(entry.getTitle()),
              clean(summary(entry)),
              clean(entry.getAuthor()),
              date(entry),
              entry.getCategories().stream()
                  .map(SyndCategory::getName)
                  .filter(n -> n != null && !n.isBlank())
                  .map(String::strip)
                  .toList()));
    }
    return new Parsed(new ParsedFeed(feed.getFeedType(), clean(feed.getTitle()), entries));
  }

  private static boolean looksLikeHtml(byte[] body, String contentType) {
    String start =
        new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    boolean htmlStart = start.startsWith("<!doctype html") || start.startsWith("<html");
    boolean htmlType = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
    return htmlStart || (htmlType && !start.startsWith("<?xml") && !start.contains("<rss"));
  }

  /** The feed's own link when it is absolute (its xml:base, in effect), else where it came from. */
  private static URI baseOf(SyndFeed feed, URI url) {
    URI own = parse(feed.getLink());
    return own != null && own.isAbsolute() ? own : url;
  }

  private static URI resolve(URI base, String link) {
    URI uri = parse(link);
    if (uri == null) {
      return null;
    }
    URI absolute = uri.isAbsolute() || base == null ? uri : base.resolve(uri);
    String scheme = absolute.getScheme();
    return scheme != null && (scheme.equals("http") || scheme.equals("https")) ? absolute : null;
  }

  private static URI parse(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      return new URI(link.strip().replace(" ", "%20"));
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** GUID / Atom id, else the link, else a hash of title and summary. */
  private static String entryId(SyndEntry entry, URI link) {
    String uri = entry.getUri();
    if (uri != null && !uri.isBlank()) {
      return uri.strip();
    }
    if (link != null) {
      return link.toString();
    }
    String content = clean(entry.getTitle()) + "\n" + clean(summary(entry));
    return "sha256:" + Hashes.sha256HexPrefix(content.getBytes(StandardCharsets.UTF_8), 16);
  }

  private static String summary(SyndEntry entry) {
    SyndContent description = entry.getDescription();
    if (description != null && description.getValue() != null) {
      return description.getValue();
    }
    return entry.getContents().stream()
        .map(SyndContent::getValue)
        .filter(v -> v != null && !v.isBlank())
        .findFirst()
        .orElse(null);
  }

  private static Instant date(SyndEntry entry) {
    if (entry.getPublishedDate() != null) {
      return entry.getPublishedDate().toInstant();
    }
    return entry.getUpdatedDate() == null ? null : entry.getUpdatedDate().toInstant();
  }

  private static String clean(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
