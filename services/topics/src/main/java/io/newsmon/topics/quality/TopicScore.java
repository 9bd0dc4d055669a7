package io.newsmon.topics.quality;

import java.util.List;

/**
 * How one topic did on a labelled corpus.
 *
 * @param topicId the topic
 * @param truePositives flagged and labelled
 * @param falsePositives flagged, not labelled
 * @param falseNegatives labelled, not flagged
 * @param falsePositiveIds the articles behind {@code falsePositives}
 * @param falseNegativeIds the articles behind {@code falseNegatives}
 */
public record TopicScore(
    String topicId,
    int truePositives,
    int falsePositives,
    int falseNegatives,
    List<String> falsePositiveIds,
    List<String> falseNegativeIds) {

  public TopicScore {
    falsePositiveIds = List.copyOf(falsePositiveIds);
    falseNegativeIds = List.copyOf(falseNegativeIds);
  }

  /** Labelled articles: the support of the recall figure. */
  public int labelled() {
    return truePositives + falseNegatives;
  }

  /** Share of flags that were right; NaN when nothing was flagged. */
  public double precision() {
    int flagged = truePositives + falsePositives;
    return flagged == 0 ? Double.NaN : truePositives / (double) flagged;
  }

  /** Share of labelled articles that were flagged; NaN when none is labelled. */
  public double recall() {
    return labelled() == 0 ? Double.NaN : truePositives / (double) labelled();
  }
}
