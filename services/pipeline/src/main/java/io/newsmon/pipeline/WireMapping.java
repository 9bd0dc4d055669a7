package io.newsmon.pipeline;

import io.newsmon.avro.DedupDecision;
import io.newsmon.avro.DedupMethod;
import io.newsmon.avro.DedupStatus;
import io.newsmon.avro.TopicFlag;
import io.newsmon.pipeline.dedup.Decision;
import io.newsmon.pipeline.flag.TopicFlagResult;

/** Conversions between the Avro wire types and the stages' domain values. */
public final class WireMapping {

  private WireMapping() {}

  public static DedupDecision toWire(Decision decision) {
    return DedupDecision.newBuilder()
        .setClusterId(decision.clusterId())
        .setStatus(decision.isDuplicate() ? DedupStatus.DUPLICATE : DedupStatus.UNIQUE)
        .setMethod(DedupMethod.valueOf(decision.method().name()))
        .setDuplicateOf(decision.duplicateOf())
        .setSimilarity(decision.similarity())
        .build();
  }

  public static TopicFlag toWire(TopicFlagResult flag) {
    return TopicFlag.newBuilder()
        .setTopicId(flag.topicId())
        .setTopicVersion(flag.topicVersion())
        .setScore(flag.score())
        .setMatchedTerms(flag.matchedTerms())
        .setSnippet(flag.snippet())
        .build();
  }
}
