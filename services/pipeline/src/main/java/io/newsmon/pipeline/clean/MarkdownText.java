package io.newsmon.pipeline.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Markdown to plain paragraphs. Scraped Markdown copies of news pages use a small subset (headings,
 * links, emphasis, autolinks, images), so a few rules suffice here; a full CommonMark parser would
 * add a dependency for syntax news copies do not use.
 */
final class MarkdownText {

  // Every repetition is bounded: unbounded ones let hostile input ("[a](b " repeated) make the
  // engine rescan the rest of the text at every bracket, which is quadratic.
  private static final Pattern IMAGE =
      Pattern.compile("!\\[([^\\]\\n]{0,300})]\\([^)\\s]{0,2000}\\)");
  private static final Pattern LINK =
      Pattern.compile("\\[([^\\]\\n]{0,300})]\\([^)\\s]{0,2000}\\)");
  private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]{1,2000})>");

  /** Emphasis markers touching a word, removed without pairing them: linear in the text. */
  private static final Pattern EMPHASIS =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}*_])[*_]{1,3}(?=[^\\s*_])|(?<=[^\\s*_])[*_]{1,3}(?![\\p{L}\\p{N}*_])");

  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");
  private static final Pattern LIST_MARK = Pattern.compile("^\\s*(?:[-*+]|\\d+\\.)\\s+");
  private static final Pattern QUOTE_MARK = Pattern.compile("^\\s*>\\s?");

  private MarkdownText() {}

  /** Blocks separated by blank lines, inline syntax removed; headings keep a leading "# ". */
  static List<Block> blocks(String markdown) {
    List<Block> blocks = new ArrayList<>();
    for (String raw : markdown.replace("\r\n", "\n").split("\\n\\s*\\n")) {
      String block = raw.strip();
      if (block.isEmpty()) {
        continue;
      }
      boolean heading = HEADING.matcher(block).find();
      StringBuilder text = new StringBuilder();
      for (String line : block.split("\n")) {
        String l = HEADING.matcher(line.strip()).replaceFirst("");
        l = QUOTE_MARK.matcher(l).replaceFirst("");
        l = LIST_MARK.matcher(l).replaceFirst("");
        if (!text.isEmpty()) {
          text.append(' ');
        }
        text.append(l);
      }
      blocks.add(new Block(inline(text.toString()), heading));
    }
    return blocks;
  }

  static String inline(String s) {
    // Each expression only where its syntax occurs: most blocks are plain sentences.
    String out = s.contains("](") ? IMAGE.matcher(s).replaceAll("$1") : s;
    out = out.contains("](") ? LINK.matcher(out).replaceAll("$1") : out;
    out = out.contains("<http") ? AUTOLINK.matcher(out).replaceAll("$1") : out;
    out =
        out.indexOf('*') >= 0 || out.indexOf('_') >= 0 ? EMPHASIS.matcher(out).replaceAll("") : out;
    return SPACES.matcher(out).replaceAll(" ").strip();
  }

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** A paragraph or heading. */
  record Block(String text, boolean heading) {}
}
