package io.newsmon.alerts.subscription;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a subscription wants: flags on some topics at a minimum score, optionally only for articles
 * in some languages, mentioning some countries, or from some sources. An empty set does not
 * restrict.
 *
 * @param languages ISO 639-1 codes, lower case; an article of unknown language matches none
 * @param countries ISO 3166-1 alpha-2 codes, upper case; an article must mention at least one
 * @param sources source ids as producers set them
 * @param spikes whether spikes of the topics (a topic's volume surging) are wanted too
 */
public record AlertFilter(
    Set<String> topicIds,
    double minScore,
    Set<String> languages,
    Set<String> countries,
    Set<String> sources,
    boolean spikes) {

  /** Most values in one filter list: a subscription is not a query language. */
  public static final int MAX_VALUES = 200;

  private static final Pattern TOPIC_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern SOURCE = Pattern.compile("[^\\s\\p{Cntrl}]{1,200}");

  /** The facts of an article that filters look at. */
  public record Article(String sourceId, String language, List<String> countries) {
    public Article {
      countries = countries == null ? List.of() : List.copyOf(countries);
    }
  }

  public AlertFilter {
    topicIds = checked("topicIds", topicIds, TOPIC_ID, "kebab-case topic ids");
    if (topicIds.isEmpty()) {
      throw new IllegalArgumentException("topicIds must name at least one topic");
    }
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be within [0, 1]");
    }
    languages =
        checked("languages", lowerCase(languages), LANGUAGE, "ISO 639-1 language codes such as en");
    countries =
        checked("countries", upperCase(countries), COUNTRY, "ISO 3166-1 alpha-2 codes such as UA");
    sources = checked("sources", sources, SOURCE, "source ids without spaces, at most 200 chars");
  }

  /** A filter of flags only, no spikes. */
  public AlertFilter(
      Set<String> topicIds,
      double minScore,
      Set<String> languages,
      Set<String> countries,
      Set<String> sources) {
    this(topicIds, minScore, languages, countries, sources, false);
  }

  /** Whether a spike of {@code topicId} is wanted: the article filters do not apply to it. */
  public boolean wantsSpike(String topicId) {
    return spikes && topicIds.contains(topicId);
  }

  /** Topics and a minimum score, nothing else restricted. */
  public static AlertFilter of(Set<String> topicIds, double minScore) {
    return new AlertFilter(topicIds, minScore, Set.of(), Set.of(), Set.of());
  }

  /** Whether a flag on {@code topicId} with {@code score} for {@code article} passes. */
  public boolean matches(String topicId, double score, Article article) {
    return topicIds.contains(topicId)
        && score >= minScore
        && (languages.isEmpty()
            || (article.language() != null
                && languages.contains(article.language().toLowerCase(Locale.ROOT))))
        && (countries.isEmpty() || article.countries().stream().anyMatch(countries::contains))
        && (sources.isEmpty() || sources.contains(article.sourceId()));
  }

  private static Set<String> checked(
      String name, Set<String> values, Pattern pattern, String expected) {
    if (values == null) {
      return Set.of();
    }
    if (values.size() > MAX_VALUES) {
      throw new IllegalArgumentException(name + " may list at most " + MAX_VALUES + " values");
    }
    for (String value : values) {
      if (value == null || !pattern.matcher(value).matches()) {
        throw new IllegalArgumentException(name + " must be " + expected + ", not " + value);
      }
    }
    return Set.copyOf(values);
  }

  private static Set<String> lowerCase(Set<String> values) {
    return values == null ? null : recase(values, true);
  }

  private static Set<String> upperCase(Set<String> values) {
    return values == null ? null : recase(values, false);
  }

  private static Set<String> recase(Set<String> values, boolean lower) {
    Set<String> out = new TreeSet<>();
    for (String v : values) {
      if (v == null) {
        throw new IllegalArgumentException("filter values cannot be null");
      }
      out.add(lower ? v.toLowerCase(Locale.ROOT) : v.toUpperCase(Locale.ROOT));
    }
    return out;
  }
}
