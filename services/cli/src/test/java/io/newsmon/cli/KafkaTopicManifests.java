package io.newsmon.cli;

import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicSpec;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code deploy/kubernetes/kafka-topics.yaml}: one Strimzi {@code KafkaTopic} per catalog
 * topic, with the partitions and topic configuration {@link TopicSpec#kafkaConfig()} gives the
 * topics the pipeline creates itself, so a cluster run by Strimzi holds the same topics. {@code
 * DeployManifestsTest} fails when the committed file differs from this output and rewrites it when
 * run with {@code -Dnewsmon.regenerate=true}.
 */
final class KafkaTopicManifests {

  static final String CLUSTER = "newsmon";
  static final int REPLICAS = 3;
  static final int MIN_IN_SYNC_REPLICAS = 2;
  static final String REGENERATE =
      "./mvnw -q -B -o verify -pl services/cli -am -Dtest=DeployManifestsTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dnewsmon.regenerate=true";

  private KafkaTopicManifests() {}

  static String render() {
    return render(TopicCatalog.ALL);
  }

  static String render(List<TopicSpec> topics) {
    StringBuilder out = new StringBuilder();
    out.append(
            "# GENERATED from io.newsmon.common.TopicCatalog by KafkaTopicManifests: do not edit.\n")
        .append("# Regenerate (DeployManifestsTest fails while this file differs):\n")
        .append("#   ")
        .append(REGENERATE)
        .append('\n')
        .append(
            "# The streams of catalog topics (news.topic.<id>) and Kafka Streams' internal topics\n")
        .append(
            "# are created at run time by the pipeline, with NEWSMON_REPLICATION_FACTOR replicas.\n");
    for (TopicSpec topic : topics) {
      out.append("---\n")
          .append("# ")
          .append(topic.description())
          .append('\n')
          .append("apiVersion: kafka.strimzi.io/v1\n")
          .append("kind: KafkaTopic\n")
          .append("metadata:\n")
          .append("  name: ")
          .append(topic.name().replace('.', '-'))
          .append('\n')
          .append("  labels:\n")
          .append("    strimzi.io/cluster: ")
          .append(CLUSTER)
          .append('\n')
          .append("spec:\n")
          .append("  topicName: ")
          .append(topic.name())
          .append('\n')
          .append("  partitions: ")
          .append(topic.partitions())
          .append('\n')
          .append("  replicas: ")
          .append(REPLICAS)
          .append('\n')
          .append("  config:\n");
      Map<String, String> config = new java.util.TreeMap<>(topic.kafkaConfig());
      config.put("min.insync.replicas", Integer.toString(MIN_IN_SYNC_REPLICAS));
      config.forEach(
          (key, value) ->
              out.append("    ").append(key).append(": \"").append(value).append("\"\n"));
    }
    return out.toString();
  }
}
