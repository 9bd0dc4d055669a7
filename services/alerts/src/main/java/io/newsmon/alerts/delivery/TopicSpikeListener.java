package io.newsmon.alerts.delivery;

import io.newsmon.alerts.kafka.InputDeadLetters;
import io.newsmon.alerts.subscription.SubscriptionStore;
import io.newsmon.avro.TopicSpike;
import io.newsmon.schema.AvroSerde;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds {@code news.topic-spikes} to the dispatcher as {@link FlaggedArticleListener} feeds flagged
 * articles, through the same wait-and-retry: the offset is committed only once the spike's alerts
 * are durably queued.
 */
@ApplicationScoped
public class TopicSpikeListener {

  private static final Logger LOG = Logger.getLogger(TopicSpikeListener.class);

  @Inject AlertDispatcher dispatcher;
  @Inject SubscriptionStore subscriptions;
  @Inject KafkaDeliveryLedger ledger;

  @Inject InputDeadLetters deadLetters;

  /** Takes the record as bytes, as {@link FlaggedArticleListener} does, to dead-letter bad ones. */
  @Incoming("news-topic-spikes")
  @Blocking(ordered = true)
  public void onRecord(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    TopicSpike spike = deadLetters.decode(record, SPIKES);
    if (spike != null) {
      onSpike(spike);
    }
  }

  private static final AvroSerde<TopicSpike> SPIKES = AvroSerde.of(TopicSpike.class);

  public void onSpike(TopicSpike spike) throws InterruptedException {
    LOG.infof("%s (%s)", spike.getSummary(), spike.getState());
    FlaggedArticleListener.queueWhenLoaded(
        subscriptions,
        ledger,
        "the " + spike.getTopicId() + " spike",
        () -> dispatcher.dispatchSpike(spike));
  }
}
