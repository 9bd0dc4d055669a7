package io.newsmon.pipeline.catalog;

import io.newsmon.avro.TopicDefinition;
import io.newsmon.common.CompactedTopicView;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicProvisioner;
import io.newsmon.common.TopicSpec;
import io.newsmon.schema.AvroSerde;
import io.newsmon.topics.TopicDefinitionWire;
import io.newsmon.topics.match.TopicMonitor;
import io.newsmon.topics.query.QueryProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the instance's {@link TopicMonitor} in step with {@code news.topic-definitions}: every
 * definition saved there (by the alert service's admin API or a catalog load) reaches the running
 * pipeline within about a second, without a restart. A topic's stream ({@code news.topic.<id>}) is
 * created before the topic starts matching, so its articles always have somewhere to go.
 *
 * <p>A definition that cannot be evaluated is refused: the version already running stays, the
 * refusal is logged with its problems and shown by {@link #refused()}. The alert service validates
 * with the same parser before saving, so this only happens when a record is written around it.
 */
public final class TopicCatalogFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopicCatalogFollower.class);

  private final TopicMonitor monitor;
  private final TopicProvisioner provisioner;
  private final Map<String, String> refused = new ConcurrentHashMap<>();
  private final CompactedTopicView<TopicDefinition> view;

  /**
   * @param provisioner creates each topic's stream if it does not exist yet
   */
  public TopicCatalogFollower(
      String bootstrapServers, TopicMonitor monitor, TopicProvisioner provisioner) {
    this(KafkaConnection.of(bootstrapServers), monitor, provisioner);
  }

  /**
   * @param provisioner creates each topic's stream if it does not exist yet
   */
  public TopicCatalogFollower(
      KafkaConnection kafka, TopicMonitor monitor, TopicProvisioner provisioner) {
    this.monitor = monitor;
    this.provisioner = provisioner;
    this.view =
        new CompactedTopicView<>(
            kafka,
            TopicCatalog.NEWS_TOPIC_DEFINITIONS.name(),
            AvroSerde.of(TopicDefinition.class).deserializer(),
            this::apply);
  }

  public TopicCatalogFollower start() {
    view.start();
    return this;
  }

  /** Waits until every definition present at start is applied. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return view.awaitCaughtUp(timeout);
  }

  /** Topics whose latest definition was refused, with the reason. */
  public Map<String, String> refused() {
    return Map.copyOf(refused);
  }

  void apply(String topicId, TopicDefinition record) {
    if (record == null) {
      monitor.remove(topicId);
      refused.remove(topicId);
      LOG.info("topic {} deleted", topicId);
      return;
    }
    io.newsmon.topics.TopicDefinition topic;
    try {
      topic = TopicDefinitionWire.fromWire(record);
    } catch (IllegalArgumentException e) {
      refuse(topicId, e.getMessage());
      return;
    }
    if (topic.enabled()) {
      TopicSpec stream = TopicCatalog.topicStream(topic.id());
      try {
        provisioner.ensure(List.of(stream));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while creating " + stream.name(), e);
      }
    }
    List<QueryProblem> problems = monitor.put(topic);
    if (problems.isEmpty()) {
      refused.remove(topic.id());
      LOG.info(
          "topic {} version {} {}",
          topic.id(),
          topic.version(),
          topic.enabled() ? "running" : "disabled");
    } else {
      refuse(topic.id(), problems.toString());
    }
  }

  private void refuse(String topicId, String reason) {
    refused.put(topicId, reason);
    LOG.error("topic {} refused, the running version (if any) stays: {}", topicId, reason);
  }

  @Override
  public void close() throws InterruptedException {
    view.close();
  }
}
