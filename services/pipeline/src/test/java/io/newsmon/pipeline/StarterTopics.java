package io.newsmon.pipeline;

import io.newsmon.topics.TopicCatalogFile;
import io.newsmon.topics.match.TopicMonitor;
import io.newsmon.topics.places.Gazetteer;

/** The starter catalog in a monitor, built once for the tests of this module. */
public final class StarterTopics {

  private static TopicMonitor monitor;

  private StarterTopics() {}

  /** The Kafka topics the starter topics stream to. */
  public static java.util.List<io.newsmon.common.TopicSpec> streams() {
    return monitor().topics().stream()
        .map(t -> io.newsmon.common.TopicCatalog.topicStream(t.id()))
        .toList();
  }

  public static synchronized TopicMonitor monitor() {
    if (monitor == null) {
      monitor = TopicMonitor.of(Gazetteer.shipped(), TopicCatalogFile.starter());
    }
    return monitor;
  }
}
