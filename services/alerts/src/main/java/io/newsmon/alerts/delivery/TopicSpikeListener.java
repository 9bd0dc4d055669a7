package io.newsmon.alerts.delivery;

import io.newsmon.alerts.subscription.SubscriptionStore;
import io.newsmon.avro.TopicSpike;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds {@code news.topic-spikes} to the dispatcher, as {@link FlaggedArticleListener} feeds
 * flagged articles: after subscriptions and the ledger are loaded, the offset committed only once
 * the spike's alerts are durably queued.
 */
@ApplicationScoped
public class TopicSpikeListener {

  private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);
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
    if (!subscriptions.awaitLoaded(LOAD_TIMEOUT) || !ledger.awaitLoaded(LOAD_TIMEOUT)) {
      throw new IllegalStateException("subscriptions or delivery ledger not loaded");
    }
    LOG.infof("%s (%s)", spike.getSummary(), spike.getState());
    for (int attempt = 1; ; attempt++) {
      try {
        dispatcher.dispatchSpike(spike);
        return;
      } catch (RuntimeException e) {
        Duration pause = FlaggedArticleListener.backoff(attempt);
        LOG.errorf(
            "cannot queue the alerts of the %s spike (attempt %d), trying again in %s: %s",
            spike.getTopicId(), attempt, pause, e.getMessage());
        Thread.sleep(pause);
      }
    }
  }
}
