package io.newsmon.topics.match;

import io.newsmon.topics.TopicDefinition;
import io.newsmon.topics.places.Gazetteer;
import io.newsmon.topics.places.PlaceMentions;
import io.newsmon.topics.query.InvalidQueryException;
import io.newsmon.topics.query.QueryProblem;
import io.newsmon.topics.query.TopicAnalyzer;
import io.newsmon.topics.query.TopicQueryParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.search.Query;

/**
 * The stored topics, matched against articles with Lucene's {@link Monitor}: queries are indexed
 * once and its presearcher selects the few that can match an article, so the cost grows slowly with
 * the number of topics.
 *
 * <p>Topics can be added, replaced and removed while articles are matched (the monitor is
 * thread-safe), which is how catalog changes reach the running pipeline. A definition whose query
 * cannot be evaluated is refused with its problems and the version already running stays; a query
 * that fails on one article is reported in {@link MatchResult#errors()} while the others match.
 */
public final class TopicMonitor implements Closeable {

  private static final int SNIPPET_CONTEXT = 120;

  private final Analyzer analyzer = new TopicAnalyzer();
  private final Gazetteer gazetteer;
  private final TopicQueryParser parser;
  private final Monitor monitor;
  private final Map<String, TopicDefinition> topics = new ConcurrentHashMap<>();

  public TopicMonitor(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.parser = new TopicQueryParser(analyzer, gazetteer);
    try {
      this.monitor = new Monitor(analyzer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the topic monitor", e);
    }
  }

  /** A monitor holding {@code definitions}; fails naming every topic it cannot evaluate. */
  public static TopicMonitor of(Gazetteer gazetteer, Collection<TopicDefinition> definitions) {
    TopicMonitor monitor = new TopicMonitor(gazetteer);
    Map<String, List<QueryProblem>> refused = monitor.putAll(definitions);
    if (!refused.isEmpty()) {
      monitor.close();
      throw new IllegalArgumentException("topics that cannot be evaluated: " + refused);
    }
    return monitor;
  }

  /**
   * Adds or replaces {@code topic}; removes it when disabled. Returns the query's problems, in
   * which case nothing changed.
   */
  public List<QueryProblem> put(TopicDefinition topic) {
    return putAll(List.of(topic)).getOrDefault(topic.id(), List.of());
  }

  /** {@link #put} for many topics in one monitor update; returns problems by topic id. */
  public Map<String, List<QueryProblem>> putAll(Collection<TopicDefinition> definitions) {
    Map<String, List<QueryProblem>> refused = new LinkedHashMap<>();
    List<MonitorQuery> queries = new ArrayList<>();
    List<TopicDefinition> accepted = new ArrayList<>();
    List<String> disabled = new ArrayList<>();
    for (TopicDefinition topic : definitions) {
      if (!topic.enabled()) {
        disabled.add(topic.id());
        continue;
      }
      try {
        Query query = simplified(parser.parse(topic.query()));
        queries.add(new MonitorQuery(topic.id(), query, topic.query(), Map.of()));
        accepted.add(topic);
      } catch (InvalidQueryException e) {
        refused.put(topic.id(), e.problems());
      }
    }
    try {
      if (!queries.isEmpty()) {
        monitor.register(queries);
      }
      if (!disabled.isEmpty()) {
        monitor.deleteById(disabled);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the topic monitor", e);
    }
    accepted.forEach(t -> topics.put(t.id(), t));
    disabled.forEach(topics::remove);
    return refused;
  }

  /**
   * Structural rewrites done once at registration instead of for every article the query is tried
   * on: the monitor rewrites each candidate query against each article, and nested Boolean queries
   * otherwise rebuild themselves every time. Rewriting against an empty index is safe because the
   * rewrites that depend on an article's terms (wildcards, prefixes) are deferred by Lucene to the
   * search itself.
   */
  private static Query simplified(Query query) {
    try {
      return EMPTY.rewrite(query);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final org.apache.lucene.search.IndexSearcher EMPTY = emptySearcher();

  private static org.apache.lucene.search.IndexSearcher emptySearcher() {
    try {
      return new org.apache.lucene.search.IndexSearcher(new org.apache.lucene.index.MultiReader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops matching {@code topicId}; unknown ids are ignored. */
  public void remove(String topicId) {
    try {
      monitor.deleteById(topicId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the topic monitor", e);
    }
    topics.remove(topicId);
  }

  /** The running definition of a topic. */
  public Optional<TopicDefinition> topic(String topicId) {
    return Optional.ofNullable(topics.get(topicId));
  }

  /** The running topics. */
  public Collection<TopicDefinition> topics() {
    return List.copyOf(topics.values());
  }

  /** The topics {@code article} matches, with their evidence, and the places it mentions. */
  public MatchResult match(ArticleText article) {
    String text = article.fullText();
    PlaceMentions places = gazetteer.find(text);
    Document doc = new Document();
    doc.add(new TextField(TopicQueryParser.TITLE, article.title(), Field.Store.NO));
    doc.add(new TextField(TopicQueryParser.TEXT, text, Field.Store.NO));
    for (String country : places.countries()) {
      doc.add(new StringField(TopicQueryParser.COUNTRY, country, Field.Store.NO));
    }
    for (int n = 1;
        n <= Math.min(places.countries().size(), TopicQueryParser.MAX_COUNTRY_COUNT);
        n++) {
      doc.add(new StringField(TopicQueryParser.COUNTRY_COUNT, Integer.toString(n), Field.Store.NO));
    }
    for (String pair : places.neighbourPairs()) {
      doc.add(new StringField(TopicQueryParser.NEIGHBOURS, pair, Field.Store.NO));
    }
    if (!places.neighbourPairs().isEmpty()) {
      doc.add(
          new StringField(
              TopicQueryParser.NEIGHBOURS, TopicQueryParser.ANY_NEIGHBOURS, Field.Store.NO));
    }
    MatchingQueries<HighlightsMatch> matches;
    try {
      matches = monitor.match(doc, HighlightsMatch.MATCHER);
    } catch (IOException e) {
      throw new UncheckedIOException("topic monitor failed", e);
    }
    Set<String> countries = new HashSet<>(places.countries());
    List<TopicFlag> flags = new ArrayList<>();
    for (HighlightsMatch match : matches.getMatches()) {
      TopicDefinition topic = topics.get(match.getQueryId());
      if (topic == null
          || !topic.filters().admits(article.language(), article.source(), countries)) {
        continue; // removed while matching, or filtered out
      }
      TopicFlag flag = evidence(topic, match, text, article.title().length());
      if (flag.score() >= topic.minScore()) {
        flags.add(flag);
      }
    }
    flags.sort(
        Comparator.comparingDouble(TopicFlag::score).reversed().thenComparing(TopicFlag::topicId));
    Map<String, String> errors = new HashMap<>();
    matches.getErrors().forEach((id, e) -> errors.put(id, String.valueOf(e.getMessage())));
    return new MatchResult(flags, places, errors, (int) matches.getQueriesRun());
  }

  /** Characters of the body, after the title, that count as the lede. */
  static final int LEDE_CHARS = 600;

  /**
   * The flag and its score. The score measures prominence, the way news is read: a match in the
   * headline counts 2, a match in the lede (the first {@value #LEDE_CHARS} characters of the body)
   * 1, up to 2 of them, any other matching passage 0.5, up to 6 of them; the score is E / (E + 2)
   * for that evidence E, so 0.5 means a headline match or two in the lede, and a single passing
   * mention deep in the article scores 0.2.
   */
  private static TopicFlag evidence(
      TopicDefinition topic, HighlightsMatch match, String text, int titleLength) {
    List<HighlightsMatch.Hit> hits = new ArrayList<>(match.getHits(TopicQueryParser.TEXT));
    hits.sort(Comparator.naturalOrder());
    Set<String> terms = new LinkedHashSet<>();
    boolean inTitle = !match.getHits(TopicQueryParser.TITLE).isEmpty();
    int lede = 0;
    int elsewhere = 0;
    int ledeEnd = titleLength == 0 ? LEDE_CHARS : titleLength + 2 + LEDE_CHARS;
    for (HighlightsMatch.Hit hit : hits) {
      if (hit.startOffset() >= 0 && hit.endOffset() <= text.length()) {
        terms.add(text.substring(hit.startOffset(), hit.endOffset()).toLowerCase(Locale.ROOT));
      }
      if (hit.startOffset() < titleLength) {
        inTitle = true;
      } else if (hit.startOffset() < ledeEnd) {
        lede++;
      } else {
        elsewhere++;
      }
    }
    double evidence = (inTitle ? 2.0 : 0.0) + Math.min(2, lede) + 0.5 * Math.min(6, elsewhere);
    if (hits.isEmpty() && !inTitle) {
      evidence = 1.0; // a condition without positions (countries only): one plain piece of evidence
    }
    double score = evidence / (evidence + 2.0);
    return new TopicFlag(
        topic.id(), topic.version(), score, List.copyOf(terms), snippet(text, hits));
  }

  /** A passage around the first hit with every hit inside it marked. */
  static String snippet(String text, List<HighlightsMatch.Hit> hits) {
    if (hits.isEmpty()) {
      return null;
    }
    HighlightsMatch.Hit first = hits.get(0);
    int start = Math.max(0, first.startOffset() - SNIPPET_CONTEXT);
    int end = Math.min(text.length(), first.endOffset() + SNIPPET_CONTEXT);
    while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
      start--;
    }
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    StringBuilder out = new StringBuilder();
    int cursor = start;
    for (HighlightsMatch.Hit hit : hits) {
      if (hit.startOffset() < cursor || hit.endOffset() > end) {
        continue;
      }
      out.append(text, cursor, hit.startOffset())
          .append("<<")
          .append(text, hit.startOffset(), hit.endOffset())
          .append(">>");
      cursor = hit.endOffset();
    }
    out.append(text, cursor, end);
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  @Override
  public void close() {
    try {
      monitor.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      analyzer.close();
    }
  }
}
