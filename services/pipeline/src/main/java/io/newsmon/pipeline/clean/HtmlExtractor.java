package io.newsmon.pipeline.clean;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an HTML page's main article text.
 *
 * <p>Three steps, each a general rule rather than a site rule:
 *
 * <ol>
 *   <li><b>Prune</b> what is never article text: scripts and embeds, hidden elements, navigation,
 *       and elements whose class or id says they are comments, sharing, related links, ads or
 *       newsletter boxes (unless they also say they are the article).
 *   <li><b>Choose</b> the container: paragraphs vote for their ancestors with their text length and
 *       punctuation (the idea behind Readability), discounted by link density; an element marked as
 *       the article body ({@code itemprop=articleBody}, a {@code *article-body*} class) is
 *       preferred when it holds most of the winner's text.
 *   <li><b>Render</b> the container's blocks (paragraphs, headings, list items, quotes) as
 *       paragraphs, dropping link-heavy blocks and boilerplate lines.
 * </ol>
 */
final class HtmlExtractor {

  private static final String NEVER_CONTENT =
      "script, style, noscript, template, svg, canvas, iframe, object, embed, video, audio, map,"
          + " input, select, textarea, button, nav, aside, footer, header, h1, figcaption, dialog, [hidden],"
          + " [aria-hidden=true],"
          + " [role=navigation], [role=complementary], [role=contentinfo], [role=dialog]";

  /** Class or id words of what is never the article, whatever it contains. */
  private static final Pattern STRONG_NEGATIVE =
      Pattern.compile(
          "(?i)caption|credit|comment|disqus|outbrain|taboola|newsletter|cookie|consent|breadcrumb|"
              + "sidebar|related|recommend|promo|advert|sponsor|social|(^|[\\s_-])(share|sharing|"
              + "shares|footer|masthead|byline|author-bio|dateline|timestamp|subscribe|signup|popup|"
              + "modal|nav|navigation|menu|pagination|pager|tags|trending|most-popular)($|[\\s_-])");

  /** Hover cards and tooltips: hidden until pointed at, never part of the sentence they sit in. */
  private static final Pattern HOVER_CARD =
      Pattern.compile("(?i)(rollover|tooltip|popover|hovercard).*(block|content|body|card|box)");

  /** Class or id words of what is usually not the article, unless it holds prose. */
  private static final Pattern WEAK_NEGATIVE =
      Pattern.compile(
          "(?i)(^|[\\s_-])(ads?|adslot|dfp|widget|banner|toolbar|tag|popular|read-more|"
              + "more-stories|next-article|hidden|print|date|published|updated|meta|overlay|"
              + "subscription|extra|aux|secondary)($|[\\s_-])");

  private static final Pattern POSITIVE =
      Pattern.compile(
          "(?i)(article|story|entry|post|content|main|body|text|blog|prose)[-_]?(body|content|text|main)?");
  private static final Pattern BODY_MARKER =
      Pattern.compile(
          "(?i)(article|story|entry|post)[-_]?(body|content|text)|articlebody|body[-_]?text|"
              + "main[-_]?content|post[-_]?body");
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "blockquote",
          "pre",
          "dd",
          "dt",
          "td",
          "figcaption",
          "div",
          "section",
          "article",
          "header",
          "main",
          "ul",
          "ol",
          "table",
          "tr",
          "tbody",
          "dl",
          "figure",
          "br",
          "hr");
  private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "blockquote", "td", "li", "dd");

  private static final Logger LOG = LoggerFactory.getLogger(HtmlExtractor.class);

  private HtmlExtractor() {}

  /** The main text's paragraphs, in order; empty when the page has none. */
  static List<String> mainText(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return List.of();
    }
    Element root = body.clone();
    prune(root);
    List<String> paragraphs = new ArrayList<>();
    for (Element part : choose(root)) {
      paragraphs.addAll(render(part));
    }
    return paragraphs;
  }

  /**
   * The container plus its continuations: sites that split an article into chunks around ads repeat
   * the chunk's tag and classes, so elements with the same signature elsewhere on the page that
   * hold prose belong to the text too. Returned in document order.
   */
  static List<Element> withContinuations(Element root, Element container) {
    List<Element> parts = new ArrayList<>();
    if (container.className().isBlank() || container == root) {
      parts.add(container);
      return parts;
    }
    // Chunks of one article are near each other: within two levels of the container.
    Element scope = container;
    for (int level = 0; level < 2 && scope.parent() != null && scope != root; level++) {
      scope = scope.parent();
    }
    for (Element e : scope.getElementsByTag(container.tagName())) {
      if (e == container) {
        parts.add(e);
      } else if (e.className().equals(container.className())
          && !isAncestor(e, container)
          && !isAncestor(container, e)
          && paragraphText(e) >= 25
          && linkDensity(e) < 0.3) {
        parts.add(e);
      }
    }
    return parts;
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  static void prune(Element root) {
    root.select(NEVER_CONTENT).remove();
    for (Element e : root.select("[style]")) {
      String style = e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
      if (style.contains("display:none") || style.contains("visibility:hidden")) {
        e.remove();
      }
    }
    List<Element> negatives = new ArrayList<>();
    for (Element e : root.getAllElements()) {
      if (e == root || "article".equals(e.tagName()) || "main".equals(e.tagName())) {
        continue;
      }
      String names = e.className() + " " + e.id();
      if (names.isBlank() || BODY_MARKER.matcher(names).find()) {
        continue;
      }
      if (STRONG_NEGATIVE.matcher(names).find()
          || HOVER_CARD.matcher(e.className()).find()
          || (WEAK_NEGATIVE.matcher(names).find() && e.text().length() - linkText(e) < 300)) {
        negatives.add(e);
      }
    }
    for (Element list : root.select("ul, ol")) {
      if (isLinkList(list)) {
        negatives.add(list);
      }
    }
    int total = root.text().length();
    for (Element e : negatives) {
      // Never prune what holds most of the page: a page-wide wrapper with an unlucky class name.
      if (e.parent() != null && e.text().length() < total * 0.4) {
        e.remove();
      }
    }
  }

  /**
   * A list of teasers ("More great stories", "Related"): most items carry a link and a good part of
   * the list's text is link text.
   */
  static boolean isLinkList(Element list) {
    var items = list.children();
    if (items.size() < 3) {
      return false;
    }
    int linked = 0;
    for (Element item : items) {
      if (!item.select("a").isEmpty()) {
        linked++;
      }
    }
    return linked * 4 >= items.size() * 3 && linkDensity(list) >= 0.35;
  }

  /** The elements holding the article text, in document order. */
  static List<Element> choose(Element root) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element p : root.getAllElements()) {
      if (!isParagraph(p)) {
        continue;
      }
      String text = p.text();
      if (text.length() < 25) {
        continue;
      }
      double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
      Element ancestor = p.parent();
      for (int level = 0; ancestor != null && level < 3; level++, ancestor = ancestor.parent()) {
        scores.merge(ancestor, score / (level == 0 ? 1 : level == 1 ? 2 : level * 3), Double::sum);
      }
    }
    Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, Double> entry : scores.entrySet()) {
      Element e = entry.getKey();
      double score = (entry.getValue() + classWeight(e)) * (1 - linkDensity(e));
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    if (best == null) {
      return List.of(root);
    }
    List<Element> chunks = withContinuations(root, best);
    if (chunks.size() > 1) {
      LOG.debug("article in {} chunks like {}", chunks.size(), describe(best));
      return chunks;
    }
    // Articles are often split into sibling containers (by ads, figures, "cards"): climb to an
    // ancestor a few levels up when it adds substantial text and stays prose-like.
    Element chosen = best;
    int chosenText = paragraphText(best);
    Element ancestor = best.parent();
    for (int level = 0; ancestor != null && level < 6; level++, ancestor = ancestor.parent()) {
      int wider = paragraphText(ancestor);
      if (wider > chosenText * 1.35 && linkDensity(ancestor) < 0.3) {
        chosen = ancestor;
        chosenText = wider;
      }
      if (ancestor == root) {
        break;
      }
    }
    // An element the page itself marks as the article body wins when it holds nearly all of it.
    Element marked = null;
    int markedText = 0;
    for (Element e : root.getAllElements()) {
      String names = e.className() + " " + e.id();
      if ("articleBody".equals(e.attr("itemprop")) || BODY_MARKER.matcher(names).find()) {
        int text = paragraphText(e);
        if (text > markedText) {
          marked = e;
          markedText = text;
        }
      }
    }
    if (marked != null && markedText >= chosenText * 0.8 && linkDensity(marked) < 0.3) {
      chosen = marked;
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "best {} ({} chars), chosen {} ({} chars), marked {}",
          describe(best),
          paragraphText(best),
          describe(chosen),
          chosenText,
          marked == null ? "-" : describe(marked));
    }
    return List.of(chosen);
  }

  private static String describe(Element e) {
    return e.tagName()
        + (e.id().isEmpty() ? "" : "#" + e.id())
        + (e.className().isEmpty() ? "" : "." + e.className().replace(' ', '.'));
  }

  private static boolean isParagraph(Element e) {
    if (PARAGRAPHS.contains(e.tagName())) {
      return true;
    }
    // A div holding text directly, the way many sites write paragraphs.
    if ("div".equals(e.tagName())) {
      for (Element child : e.children()) {
        if (BLOCKS.contains(child.tagName()) && !"br".equals(child.tagName())) {
          return false;
        }
      }
      return !e.ownText().isBlank();
    }
    return false;
  }

  private static int paragraphText(Element e) {
    int length = 0;
    for (Element p : e.getAllElements()) {
      if (isParagraph(p) && p.text().length() >= 25) {
        length += p.text().length() - linkText(p);
      }
    }
    return length;
  }

  private static double classWeight(Element e) {
    String names = e.className() + " " + e.id();
    double weight = 0;
    if (STRONG_NEGATIVE.matcher(names).find() || WEAK_NEGATIVE.matcher(names).find()) {
      weight -= 25;
    }
    if (POSITIVE.matcher(names).find()) {
      weight += 25;
    }
    if ("article".equals(e.tagName()) || "articleBody".equals(e.attr("itemprop"))) {
      weight += 25;
    }
    return weight;
  }

  static double linkDensity(Element e) {
    int text = e.text().length();
    return text == 0 ? 0 : Math.min(1.0, linkText(e) / (double) text);
  }

  private static int linkText(Element e) {
    int length = 0;
    for (Element a : e.select("a")) {
      length += a.text().length();
    }
    return length;
  }

  private static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C') {
        n++;
      }
    }
    return n;
  }

  /** Paragraphs of {@code container}: block boundaries become paragraph breaks. */
  static List<String> render(Element container) {
    List<Block> blocks = new ArrayList<>();
    Block[] current = {new Block()};
    int[] inLink = {0};
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
              current[0].append(text.getWholeText(), inLink[0] > 0);
            } else if (node instanceof Element e) {
              if ("a".equals(e.tagName())) {
                inLink[0]++;
              } else if (BLOCKS.contains(e.tagName())) {
                current[0] = flush(current[0], blocks);
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e) {
              if ("a".equals(e.tagName())) {
                inLink[0]--;
              } else if (BLOCKS.contains(e.tagName())) {
                current[0] = flush(current[0], blocks);
              }
            }
          }
        },
        container);
    flush(current[0], blocks);
    List<String> paragraphs = new ArrayList<>();
    for (Block block : blocks) {
      String text = block.text();
      // Links (related stories, tags, share bars) are navigation, not prose; a sentence with a
      // long linked phrase is still a sentence.
      double linkShare = block.linkChars / (double) text.length();
      if (linkShare > 0.9 || (linkShare > 0.5 && Boilerplate.words(text) < 15)) {
        continue;
      }
      paragraphs.add(text);
    }
    return paragraphs;
  }

  private static Block flush(Block block, List<Block> blocks) {
    if (!block.text().isEmpty()) {
      blocks.add(block);
      return new Block();
    }
    return block;
  }

  /** Text of one block being collected, with how much of it is link text. */
  private static final class Block {
    private final StringBuilder text = new StringBuilder();
    private int linkChars;
    private String normalized;

    void append(String s, boolean link) {
      text.append(s);
      normalized = null;
      if (link) {
        linkChars += s.strip().length();
      }
    }

    String text() {
      if (normalized == null) {
        normalized = text.toString().replaceAll("[\\s\\u00A0]+", " ").strip();
      }
      return normalized;
    }
  }
}
