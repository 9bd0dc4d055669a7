package io.newsmon.topics.match;

import io.newsmon.topics.places.PlaceMentions;
import java.util.List;
import java.util.Map;

/**
 * What matching one article found.
 *
 * @param flags matched topics, highest score first
 * @param places the countries and places the article mentions
 * @param errors topics whose query failed on this article, by topic id: the other topics still
 *     matched, as in Lucene monitor's own design
 * @param queriesRun how many stored queries the presearcher selected and ran on the article
 */
public record MatchResult(
    List<TopicFlag> flags, PlaceMentions places, Map<String, String> errors, int queriesRun) {

  public MatchResult {
    flags = List.copyOf(flags);
    errors = Map.copyOf(errors);
  }
}
