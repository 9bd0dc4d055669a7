package io.newsmon.topics.query;

import io.newsmon.topics.places.Gazetteer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * newsmon's query language, compiled to Lucene queries the monitor can index.
 *
 * <pre>
 *   border AND (troops OR soldiers) AND NOT football     Boolean operators, in capitals
 *   border troops                                       AND is implied between clauses
 *   "border clash"   "troops border"~5                  phrases, with optional slop
 *   (troops OR forces) NEAR/5 border                    within 5 words, either order
 *   mobili*   shell?ng                                  wildcards, at least 3 letters first
 *   title:border   text:(troops OR army)                field scope
 *   country:UA   country:Ukraine   neighbours:RU-UA    mentioned countries; two mentioned
 *   neighbours:any                                      countries that share a land border
 *   countries:2                                         at least two countries mentioned
 * </pre>
 *
 * <p>Lucene's classic parser has no {@code NEAR/n} between groups and its surround parser writes
 * proximity as {@code 5N(a, b)}, which analysts coming from other monitoring tools do not know; so
 * the syntax is parsed here, and every clause is built by Lucene itself ({@link QueryBuilder}
 * analysis, {@link Intervals} for proximity). Precedence, tightest first: NOT, NEAR, AND, OR.
 *
 * <p>Every problem is collected rather than thrown one at a time, and queries that the engine
 * cannot evaluate reliably are refused instead of stored to match nothing: a leading wildcard (the
 * presearcher cannot index it), a prefix under 3 letters, a stop word alone, NOT with nothing to
 * exclude from, an unknown field or country. Thread-safe once built.
 */
public final class TopicQueryParser {

  public static final String TITLE = "title";
  public static final String TEXT = "text";
  public static final String COUNTRY = "country";
  public static final String NEIGHBOURS = "neighbours";

  /** {@code countries:N}: at least N different countries mentioned (N from 1 to 5). */
  public static final String COUNTRY_COUNT = "countries";

  public static final int MAX_COUNTRY_COUNT = 5;

  /** The term {@code neighbours:any} stands for: any two neighbouring countries mentioned. */
  public static final String ANY_NEIGHBOURS = "any";

  private static final Set<String> TEXT_FIELDS = Set.of(TITLE, TEXT);
  private static final Set<String> FIELDS = Set.of(TITLE, TEXT, COUNTRY, NEIGHBOURS, COUNTRY_COUNT);
  static final int MIN_WILDCARD_PREFIX = 3;
  static final int MAX_DISTANCE = 50;

  private final Analyzer analyzer;
  private final Gazetteer gazetteer;

  public TopicQueryParser(Analyzer analyzer, Gazetteer gazetteer) {
    this.analyzer = analyzer;
    this.gazetteer = gazetteer;
  }

  /** The Lucene query for {@code query}, or every reason it cannot be evaluated. */
  public Query parse(String query) {
    Compilation c = new Compilation(query);
    Query result = c.run();
    if (!c.problems.isEmpty()) {
      throw new InvalidQueryException(query, c.problems);
    }
    return result;
  }

  /** Every problem of {@code query}; empty when it can be stored. */
  public List<QueryProblem> check(String query) {
    Compilation c = new Compilation(query);
    c.run();
    return List.copyOf(c.problems);
  }

  /** The parsed form of {@code query}, for explanations. */
  public QueryNode tree(String query) {
    Compilation c = new Compilation(query);
    QueryNode node = c.parseAll();
    if (!c.problems.isEmpty()) {
      throw new InvalidQueryException(query, c.problems);
    }
    return node;
  }

  // ---------------------------------------------------------------------------------------------

  private enum Kind {
    WORD,
    PHRASE,
    FIELD,
    AND,
    OR,
    NOT,
    NEAR,
    OPEN,
    CLOSE,
    END
  }

  private record Token(Kind kind, String text, int position, int number) {}

  /** One parse of one query: the tokens, the cursor and the problems found. */
  private final class Compilation {
    private final String query;
    private final List<Token> tokens = new ArrayList<>();
    private final List<QueryProblem> problems = new ArrayList<>();
    private int cursor;

    Compilation(String query) {
      this.query = query;
    }

    Query run() {
      QueryNode node = parseAll();
      if (node == null || !problems.isEmpty()) {
        return null;
      }
      return compileTop(node);
    }

    QueryNode parseAll() {
      lex();
      if (!problems.isEmpty()) {
        return null;
      }
      if (peek().kind == Kind.END) {
        problem(0, "the query is empty");
        return null;
      }
      QueryNode node = parseOr(TEXT);
      if (peek().kind != Kind.END && problems.isEmpty()) {
        Token t = peek();
        problem(
            t.position,
            t.kind == Kind.CLOSE
                ? "unmatched ')'"
                : "unexpected '" + t.text + "'; combine clauses with AND, OR or NEAR/n");
      }
      return node;
    }

    // ----- lexing

    private void lex() {
      int n = query.length();
      int i = 0;
      while (i < n) {
        char c = query.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '(') {
          tokens.add(new Token(Kind.OPEN, "(", i++, 0));
        } else if (c == ')') {
          tokens.add(new Token(Kind.CLOSE, ")", i++, 0));
        } else if (c == '"' || c == '\u201C' || c == '\u201D') {
          int start = i++;
          int end = i;
          while (end < n && "\"\u201C\u201D".indexOf(query.charAt(end)) < 0) {
            end++;
          }
          if (end >= n) {
            problem(start, "unclosed quote");
            return;
          }
          String phrase = query.substring(i, end);
          i = end + 1;
          int slop = 0;
          if (i < n && query.charAt(i) == '~') {
            int digits = i + 1;
            while (digits < n && Character.isDigit(query.charAt(digits))) {
              digits++;
            }
            if (digits == i + 1) {
              problem(i, "'~' after a phrase needs a number of words, for example \"a b\"~3");
              return;
            }
            slop = Integer.parseInt(query.substring(i + 1, Math.min(digits, i + 4)));
            i = digits;
          }
          tokens.add(new Token(Kind.PHRASE, phrase, start, slop));
        } else if (c == '-' && tokens.isEmpty() || c == '-' && startsClause(i)) {
          tokens.add(new Token(Kind.NOT, "-", i++, 0));
        } else {
          int start = i;
          while (i < n
              && !Character.isWhitespace(query.charAt(i))
              && "()\"\u201C\u201D:".indexOf(query.charAt(i)) < 0) {
            i++;
          }
          String word = query.substring(start, i);
          if (i < n && query.charAt(i) == ':') {
            if (word.isEmpty()) {
              problem(start, "':' needs a field name before it, for example title:border");
              return;
            }
            tokens.add(new Token(Kind.FIELD, word, start, 0));
            i++;
            continue;
          }
          if (word.isEmpty()) {
            problem(start, "unexpected '" + c + "'");
            return;
          }
          tokens.add(operatorOrWord(word, start));
        }
      }
      tokens.add(new Token(Kind.END, "end of query", n, 0));
    }

    /** A '-' directly before a word, phrase or group, after a space or '(' : exclusion. */
    private boolean startsClause(int i) {
      char before = i == 0 ? ' ' : query.charAt(i - 1);
      return (Character.isWhitespace(before) || before == '(')
          && i + 1 < query.length()
          && !Character.isWhitespace(query.charAt(i + 1));
    }

    private Token operatorOrWord(String word, int position) {
      switch (word) {
        case "AND", "&&" -> {
          return new Token(Kind.AND, word, position, 0);
        }
        case "OR", "||" -> {
          return new Token(Kind.OR, word, position, 0);
        }
        case "NOT" -> {
          return new Token(Kind.NOT, word, position, 0);
        }
        default -> {
          if (word.startsWith("NEAR")) {
            if (word.matches("NEAR/\\d{1,3}")) {
              int distance = Integer.parseInt(word.substring(5));
              if (distance < 1 || distance > MAX_DISTANCE) {
                problem(position, "NEAR/n needs n between 1 and " + MAX_DISTANCE);
              }
              return new Token(Kind.NEAR, word, position, distance);
            }
            if (word.equals("NEAR")) {
              problem(position, "write NEAR with a distance in words, for example NEAR/5");
            }
          }
          return new Token(Kind.WORD, word, position, 0);
        }
      }
    }

    // ----- parsing

    private Token peek() {
      return tokens.get(cursor);
    }

    private Token next() {
      Token t = tokens.get(cursor);
      if (t.kind != Kind.END) {
        cursor++;
      }
      return t;
    }

    private QueryNode parseOr(String field) {
      int position = peek().position;
      List<QueryNode> clauses = new ArrayList<>();
      clauses.add(parseAnd(field));
      while (peek().kind == Kind.OR && problems.isEmpty()) {
        next();
        clauses.add(parseAnd(field));
      }
      return clauses.size() == 1 ? clauses.get(0) : new QueryNode.Or(position, clauses);
    }

    private QueryNode parseAnd(String field) {
      int position = peek().position;
      List<QueryNode> clauses = new ArrayList<>();
      clauses.add(parseNear(field));
      while (problems.isEmpty()) {
        Kind k = peek().kind;
        if (k == Kind.AND) {
          next();
        } else if (!startsPrimary(k)) {
          break;
        }
        clauses.add(parseNear(field));
      }
      return clauses.size() == 1 ? clauses.get(0) : new QueryNode.And(position, clauses);
    }

    private boolean startsPrimary(Kind k) {
      return k == Kind.WORD
          || k == Kind.PHRASE
          || k == Kind.FIELD
          || k == Kind.OPEN
          || k == Kind.NOT;
    }

    private QueryNode parseNear(String field) {
      QueryNode left = parseUnary(field);
      while (peek().kind == Kind.NEAR && problems.isEmpty()) {
        Token near = next();
        QueryNode right = parseUnary(field);
        left = new QueryNode.Near(near.position, left, right, near.number);
      }
      return left;
    }

    private QueryNode parseUnary(String field) {
      if (peek().kind == Kind.NOT) {
        Token not = next();
        return new QueryNode.Not(not.position, parseUnary(field));
      }
      return parsePrimary(field);
    }

    private QueryNode parsePrimary(String field) {
      Token t = next();
      switch (t.kind) {
        case FIELD -> {
          String name = t.text.toLowerCase(Locale.ROOT);
          if (!FIELDS.contains(name)) {
            problem(t.position, "unknown field '" + t.text + "'; fields are " + sorted(FIELDS));
            return null;
          }
          return parsePrimary(name);
        }
        case OPEN -> {
          QueryNode inner = parseOr(field);
          if (peek().kind != Kind.CLOSE) {
            if (problems.isEmpty()) {
              problem(t.position, "'(' is never closed");
            }
            return inner;
          }
          next();
          return inner;
        }
        case PHRASE -> {
          return new QueryNode.Phrase(t.position, field, t.text, t.number);
        }
        case WORD -> {
          return t.text.indexOf('*') >= 0 || t.text.indexOf('?') >= 0
              ? new QueryNode.Wildcard(t.position, field, t.text)
              : new QueryNode.Word(t.position, field, t.text);
        }
        case END -> {
          problem(t.position, "the query ends where a word, phrase or '(' was expected");
          return null;
        }
        default -> {
          problem(t.position, "'" + t.text + "' where a word, phrase or '(' was expected");
          return null;
        }
      }
    }

    // ----- compiling

    private Query compileTop(QueryNode node) {
      if (node instanceof QueryNode.Not not) {
        problem(
            not.position(),
            "NOT alone matches nothing useful: exclude from something, as in border AND NOT"
                + " football");
        return null;
      }
      return compile(node);
    }

    private Query compile(QueryNode node) {
      return switch (node) {
        case QueryNode.Word w -> word(w);
        case QueryNode.Phrase p -> phrase(p);
        case QueryNode.Wildcard w -> wildcard(w);
        case QueryNode.And and -> and(and);
        case QueryNode.Or or -> or(or);
        case QueryNode.Not not -> {
          problem(
              not.position(),
              "NOT can only exclude from other clauses joined by AND, as in a AND NOT b");
          yield null;
        }
        case QueryNode.Near near -> {
          String field = fieldOf(near);
          IntervalsSource source = intervals(near);
          yield source == null || field == null ? null : new IntervalQuery(field, source);
        }
      };
    }

    private Query word(QueryNode.Word w) {
      if (w.field().equals(COUNTRY)) {
        return gazetteer
            .country(w.text())
            .<Query>map(code -> new TermQuery(new Term(COUNTRY, code)))
            .orElseGet(
                () -> {
                  problem(
                      w.position(),
                      "unknown country '"
                          + w.text()
                          + "': use an ISO 3166-1 code (UA) or a country's name (Ukraine)");
                  return null;
                });
      }
      if (w.field().equals(NEIGHBOURS)) {
        return neighbours(w);
      }
      if (w.field().equals(COUNTRY_COUNT)) {
        if (!w.text().matches("[1-" + MAX_COUNTRY_COUNT + "]")) {
          problem(
              w.position(),
              "countries: takes a number from 1 to "
                  + MAX_COUNTRY_COUNT
                  + ", the fewest countries an article must mention");
          return null;
        }
        return new TermQuery(new Term(COUNTRY_COUNT, w.text()));
      }
      Query q = new QueryBuilder(analyzer).createPhraseQuery(w.field(), w.text());
      if (q == null) {
        problem(
            w.position(),
            "'"
                + w.text()
                + "' is not indexed (a stop word or punctuation)"
                + (Set.of("and", "or", "not", "near").contains(w.text().toLowerCase(Locale.ROOT))
                    ? "; operators are written in capitals: " + w.text().toUpperCase(Locale.ROOT)
                    : ""));
      }
      return q;
    }

    private Query neighbours(QueryNode.Word w) {
      String value = w.text().toUpperCase(Locale.ROOT);
      if (value.equals(ANY_NEIGHBOURS.toUpperCase(Locale.ROOT))) {
        return new TermQuery(new Term(NEIGHBOURS, ANY_NEIGHBOURS));
      }
      String[] pair = value.split("-");
      if (pair.length != 2
          || gazetteer.country(pair[0]).isEmpty()
          || gazetteer.country(pair[1]).isEmpty()) {
        problem(
            w.position(),
            "neighbours: takes 'any' or two ISO country codes joined by '-', as in RU-UA");
        return null;
      }
      if (!gazetteer.neighbours(pair[0], pair[1])) {
        problem(
            w.position(),
            pair[0]
                + " and "
                + pair[1]
                + " share no land border, so neighbours:"
                + w.text()
                + " would never match; use country:"
                + pair[0]
                + " AND country:"
                + pair[1]);
        return null;
      }
      String key =
          pair[0].compareTo(pair[1]) < 0 ? pair[0] + "-" + pair[1] : pair[1] + "-" + pair[0];
      return new TermQuery(new Term(NEIGHBOURS, key));
    }

    private Query phrase(QueryNode.Phrase p) {
      if (!requireTextField(p.field(), p.position())) {
        return null;
      }
      Query q = new QueryBuilder(analyzer).createPhraseQuery(p.field(), p.text(), p.slop());
      if (q == null) {
        problem(p.position(), "the phrase \"" + p.text() + "\" has no indexed words");
      }
      return q;
    }

    private Query wildcard(QueryNode.Wildcard w) {
      String pattern = checkedPattern(w);
      if (pattern == null) {
        return null;
      }
      int firstWildcard = firstWildcard(pattern);
      if (firstWildcard == pattern.length() - 1 && pattern.endsWith("*")) {
        return new PrefixQuery(new Term(w.field(), pattern.substring(0, firstWildcard)));
      }
      return new WildcardQuery(new Term(w.field(), pattern));
    }

    /** The lower-cased pattern, or null after recording why it cannot be evaluated. */
    private String checkedPattern(QueryNode.Wildcard w) {
      if (!requireTextField(w.field(), w.position())) {
        return null;
      }
      String pattern = w.pattern().toLowerCase(Locale.ROOT);
      int first = firstWildcard(pattern);
      if (first == 0) {
        problem(
            w.position(),
            "'"
                + w.pattern()
                + "' starts with a wildcard: the presearcher cannot index it, so it would be"
                + " tried on every article; start with at least "
                + MIN_WILDCARD_PREFIX
                + " letters");
        return null;
      }
      if (first < MIN_WILDCARD_PREFIX) {
        problem(
            w.position(),
            "'"
                + w.pattern()
                + "' has fewer than "
                + MIN_WILDCARD_PREFIX
                + " letters before its wildcard and would match far too many words");
        return null;
      }
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (!Character.isLetterOrDigit(c) && c != '*' && c != '?') {
          problem(
              w.position(),
              "'"
                  + w.pattern()
                  + "' mixes a wildcard with punctuation; wildcards apply to single words");
          return null;
        }
      }
      return pattern;
    }

    private static int firstWildcard(String pattern) {
      int star = pattern.indexOf('*');
      int question = pattern.indexOf('?');
      return star < 0 ? question : question < 0 ? star : Math.min(star, question);
    }

    private Query and(QueryNode.And and) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      boolean positive = false;
      for (QueryNode clause : and.clauses()) {
        if (clause instanceof QueryNode.Not not) {
          Query excluded = compile(not.clause());
          if (excluded != null) {
            b.add(excluded, BooleanClause.Occur.MUST_NOT);
          }
        } else {
          Query q = compile(clause);
          if (q != null) {
            b.add(q, BooleanClause.Occur.MUST);
          }
          positive = true;
        }
      }
      if (!positive) {
        problem(and.position(), "every clause here is excluded with NOT, so nothing can match");
      }
      return b.build();
    }

    private Query or(QueryNode.Or or) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (QueryNode clause : or.clauses()) {
        if (clause instanceof QueryNode.Not not) {
          problem(
              not.position(),
              "NOT inside OR would match almost every article; exclude with AND NOT instead");
          continue;
        }
        Query q = compile(clause);
        if (q != null) {
          b.add(q, BooleanClause.Occur.SHOULD);
        }
      }
      return b.build();
    }

    // ----- proximity

    private IntervalsSource intervals(QueryNode node) {
      return switch (node) {
        case QueryNode.Word w -> {
          if (!requireTextField(w.field(), w.position())) {
            yield null;
          }
          if (new QueryBuilder(analyzer).createPhraseQuery(w.field(), w.text()) == null) {
            problem(w.position(), "'" + w.text() + "' is not indexed (a stop word)");
            yield null;
          }
          yield analyzed(w.text(), w.field(), 0);
        }
        case QueryNode.Phrase p -> {
          if (!requireTextField(p.field(), p.position())) {
            yield null;
          }
          yield analyzed(p.text(), p.field(), p.slop());
        }
        case QueryNode.Wildcard w -> {
          String pattern = checkedPattern(w);
          if (pattern == null) {
            yield null;
          }
          int first = firstWildcard(pattern);
          yield first == pattern.length() - 1 && pattern.endsWith("*")
              ? Intervals.prefix(new BytesRef(pattern.substring(0, first)), MAX_EXPANSIONS)
              : Intervals.wildcard(new BytesRef(pattern), MAX_EXPANSIONS);
        }
        case QueryNode.Or or -> {
          List<IntervalsSource> sources = new ArrayList<>();
          for (QueryNode clause : or.clauses()) {
            IntervalsSource s = intervals(clause);
            if (s != null) {
              sources.add(s);
            }
          }
          yield sources.isEmpty() ? null : Intervals.or(sources.toArray(IntervalsSource[]::new));
        }
        case QueryNode.Near near -> {
          IntervalsSource left = intervals(near.left());
          IntervalsSource right = intervals(near.right());
          yield left == null || right == null
              ? null
              : Intervals.maxgaps(near.distance(), Intervals.unordered(left, right));
        }
        case QueryNode.And and -> {
          problem(
              and.position(),
              "AND inside NEAR is ambiguous; put NEAR between words, phrases or OR groups");
          yield null;
        }
        case QueryNode.Not not -> {
          problem(not.position(), "NOT cannot be used inside NEAR");
          yield null;
        }
      };
    }

    /** Most words a wildcard may expand to within one article before the query errors. */
    private static final int MAX_EXPANSIONS = 256;

    private IntervalsSource analyzed(String text, String field, int slop) {
      try {
        return Intervals.analyzedText(text, analyzer, field, slop, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The one field all words of a NEAR use, or null after recording a problem. */
    private String fieldOf(QueryNode node) {
      Set<String> fields = new java.util.TreeSet<>();
      collectFields(node, fields);
      if (fields.size() > 1) {
        problem(node.position(), "both sides of NEAR must be in the same field, not " + fields);
        return null;
      }
      return fields.isEmpty() ? TEXT : fields.iterator().next();
    }

    private void collectFields(QueryNode node, Set<String> into) {
      switch (node) {
        case QueryNode.Word w -> into.add(w.field());
        case QueryNode.Phrase p -> into.add(p.field());
        case QueryNode.Wildcard w -> into.add(w.field());
        case QueryNode.And and -> and.clauses().forEach(c -> collectFields(c, into));
        case QueryNode.Or or -> or.clauses().forEach(c -> collectFields(c, into));
        case QueryNode.Not not -> collectFields(not.clause(), into);
        case QueryNode.Near near -> {
          collectFields(near.left(), into);
          collectFields(near.right(), into);
        }
      }
    }

    private boolean requireTextField(String field, int position) {
      if (TEXT_FIELDS.contains(field)) {
        return true;
      }
      problem(
          position, field + ": takes a country code or name, not phrases, wildcards or proximity");
      return false;
    }

    private void problem(int position, String message) {
      problems.add(new QueryProblem(position, message));
    }
  }

  private static String sorted(Set<String> values) {
    return String.join(", ", new java.util.TreeSet<>(values));
  }
}
