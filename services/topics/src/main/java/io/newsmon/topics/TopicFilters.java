package io.newsmon.topics;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Restrictions a topic puts on the articles it may flag, besides its query. An empty list means no
 * restriction.
 *
 * @param languages ISO 639-1 codes of the article's language, for example {@code en}
 * @param sources source ids as producers set them, for example {@code moscow-times}
 * @param countries ISO 3166-1 alpha-2 codes, at least one of which the article must mention
 */
public record TopicFilters(List<String> languages, List<String> sources, List<String> countries) {

  public static final TopicFilters NONE = new TopicFilters(List.of(), List.of(), List.of());

  public TopicFilters {
    languages = lower(languages);
    sources = sources == null ? List.of() : List.copyOf(sources);
    countries =
        countries == null
            ? List.of()
            : countries.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
    for (String country : countries) {
      if (!country.matches("[A-Z]{2}")) {
        throw new IllegalArgumentException(
            "country filter must be ISO 3166-1 alpha-2 codes, not '" + country + "'");
      }
    }
  }

  private static List<String> lower(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
  }

  /** Whether an article with this language, source and mentioned countries passes. */
  public boolean admits(String language, String source, Set<String> mentionedCountries) {
    return (languages.isEmpty() || (language != null && languages.contains(language)))
        && (sources.isEmpty() || (source != null && sources.contains(source)))
        && (countries.isEmpty() || countries.stream().anyMatch(mentionedCountries::contains));
  }
}
