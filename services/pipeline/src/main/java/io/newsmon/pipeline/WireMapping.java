package io.newsmon.pipeline;

import io.newsmon.avro.DedupDecision;
import io.newsmon.avro.DedupMethod;
import io.newsmon.avro.DedupStatus;
import io.newsmon.avro.TopicFlag;
import io.newsmon.pipeline.dedup.Decision;

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

  public static TopicFlag toWire(io.newsmon.topics.match.TopicFlag flag) {
    return TopicFlag.newBuilder()
        .setTopicId(flag.topicId())
        .setTopicVersion(flag.topicVersion())
        .setScore(flag.score())
        .setMatchedTerms(flag.matched())
        .setSnippet(flag.snippet())
        .build();
  }
}
