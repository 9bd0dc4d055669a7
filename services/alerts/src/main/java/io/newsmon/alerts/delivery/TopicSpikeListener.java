package io.newsmon.alerts.delivery;

import io.newsmon.alerts.subscription.SubscriptionStore;
import io.newsmon.avro.TopicSpike;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  @Incoming("news-topic-spikes")
  @Blocking(ordered = true)
  public void onSpike(TopicSpike spike) throws InterruptedException {
    if (spike == null) {
      return; // undecodable record: the connector has logged it
    }
    LOG.infof("%s (%s)", spike.getSummary(), spike.getState());
    FlaggedArticleListener.queueWhenLoaded(
        subscriptions,
        ledger,
        "the " + spike.getTopicId() + " spike",
        () -> dispatcher.dispatchSpike(spike));
  }
}
