package io.newsmon.topics.match;

import java.util.List;
import java.util.Objects;

/**
 * A topic that matched an article, with the evidence.
 *
 * @param topicId the topic
 * @param topicVersion the topic definition's version that matched
 * @param score relevance in [0, 1): grows with the number of matching passages
 * @param matched the distinct matched words and phrases, lower-cased, in order of appearance
 * @param snippet a passage around the first match with every match in it marked {@code <<so>>}, or
 *     null when the match has no position (a country condition alone)
 */
public record TopicFlag(
    String topicId, int topicVersion, double score, List<String> matched, String snippet) {

  public TopicFlag {
    Objects.requireNonNull(topicId, "topicId");
    matched = List.copyOf(matched);
  }
}
