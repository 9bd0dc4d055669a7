package io.newsmon.pipeline.flag;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * Matches articles against the enabled topics of a catalog with a Lucene {@link Monitor}. One
 * instance per stream task: Lucene's monitor is thread-safe, but tasks own their processors.
 */
public final class TopicMatcher implements Closeable {

  public static final String TITLE = "title";
  public static final String TEXT = "text";
  private static final int SNIPPET_CONTEXT = 120;

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final Monitor monitor;
  private final Map<String, TopicDefinition> topics = new HashMap<>();

  /** Registers every enabled topic; a query that does not parse fails construction, naming it. */
  public TopicMatcher(List<TopicDefinition> definitions) {
    try {
      monitor = new Monitor(analyzer);
      List<MonitorQuery> queries = new ArrayList<>();
      for (TopicDefinition topic : definitions) {
        if (topic.enabled()) {
          queries.add(new MonitorQuery(topic.id(), parse(topic), topic.query(), Map.of()));
          topics.put(topic.id(), topic);
        }
      }
      monitor.register(queries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the topic monitor", e);
    }
  }

  private Query parse(TopicDefinition topic) {
    QueryParser parser = new QueryParser(TEXT, analyzer);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    try {
      return parser.parse(topic.query());
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "query of topic " + topic.id() + " does not parse: " + e.getMessage(), e);
    }
  }

  /** Flags for an article; never throws for a single bad query. */
  public MatchResult match(String title, String body) {
    String text = title + "\n\n" + body;
    Document doc = new Document();
    doc.add(new TextField(TITLE, title, Field.Store.NO));
    doc.add(new TextField(TEXT, text, Field.Store.NO));
    MatchingQueries<HighlightsMatch> matches;
    try {
      matches = monitor.match(doc, HighlightsMatch.MATCHER);
    } catch (IOException e) {
      throw new UncheckedIOException("topic monitor failed", e);
    }
    List<TopicFlagResult> flags = new ArrayList<>();
    for (HighlightsMatch match : matches.getMatches()) {
      TopicDefinition topic = topics.get(match.getQueryId());
      TopicFlagResult flag = evidence(topic, match, title, text);
      if (flag.score() >= topic.minScore()) {
        flags.add(flag);
      }
    }
    flags.sort(
        Comparator.comparingDouble(TopicFlagResult::score)
            .reversed()
            .thenComparing(TopicFlagResult::topicId));
    Map<String, String> errors = new HashMap<>();
    matches.getErrors().forEach((id, e) -> errors.put(id, String.valueOf(e.getMessage())));
    return new MatchResult(flags, errors);
  }

  private static TopicFlagResult evidence(
      TopicDefinition topic, HighlightsMatch match, String title, String text) {
    List<HighlightsMatch.Hit> hits = new ArrayList<>(match.getHits(TEXT));
    hits.sort(Comparator.naturalOrder());
    Set<String> terms = new LinkedHashSet<>();
    for (HighlightsMatch.Hit hit : hits) {
      if (hit.startOffset() >= 0 && hit.endOffset() <= text.length()) {
        terms.add(text.substring(hit.startOffset(), hit.endOffset()).toLowerCase(Locale.ROOT));
      }
    }
    int passages = Math.max(1, hits.size() + match.getHits(TITLE).size());
    double score = passages / (passages + 2.0);
    return new TopicFlagResult(
        topic.id(), topic.version(), score, List.copyOf(terms), snippet(text, hits));
  }

  /** A passage around the first body hit (after the title) with every hit inside it marked. */
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
  public void close() throws IOException {
    monitor.close();
    analyzer.close();
  }
}
