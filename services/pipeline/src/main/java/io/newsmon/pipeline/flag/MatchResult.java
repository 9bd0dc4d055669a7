package io.newsmon.pipeline.flag;

import java.util.List;
import java.util.Map;

/**
 * Everything matching one article produced.
 *
 * @param flags topics that matched at or above their minimum score, best first
 * @param errors queries that could not be evaluated on this article, by topic id
 */
public record MatchResult(List<TopicFlagResult> flags, Map<String, String> errors) {
  public MatchResult {
    flags = List.copyOf(flags);
    errors = Map.copyOf(errors);
  }
}
