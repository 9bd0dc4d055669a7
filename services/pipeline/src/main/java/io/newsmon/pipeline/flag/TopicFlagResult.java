package io.newsmon.pipeline.flag;

import java.util.List;
import java.util.Objects;

/**
 * One topic that matched an article, with its evidence.
 *
 * @param topicId the topic
 * @param topicVersion version of the definition that matched
 * @param score in [0, 1]; grows with the number of matching passages and saturates
 * @param matchedTerms distinct matched words, or whole passages for proximity matches, lower-cased,
 *     in order of appearance
 * @param snippet a passage around the first match with matches marked {@code <<like this>>}
 */
public record TopicFlagResult(
    String topicId, int topicVersion, double score, List<String> matchedTerms, String snippet) {
  public TopicFlagResult {
    Objects.requireNonNull(topicId, "topicId");
    matchedTerms = List.copyOf(matchedTerms);
  }
}
