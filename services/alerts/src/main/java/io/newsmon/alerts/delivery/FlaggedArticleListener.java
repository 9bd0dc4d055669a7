package io.newsmon.alerts.delivery;

import io.newsmon.alerts.subscription.SubscriptionStore;
import io.newsmon.avro.FlaggedArticle;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds {@code news.flagged} to the dispatcher, one article at a time, in partition order. The
 * offset is committed only after the article's deliveries are durably queued.
 */
@ApplicationScoped
public class FlaggedArticleListener {

  private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);

  @Inject AlertDispatcher dispatcher;
  @Inject SubscriptionStore subscriptions;
  @Inject KafkaDeliveryLedger ledger;

  @Incoming("news-flagged")
  @Blocking(ordered = true)
  public void onFlagged(FlaggedArticle article) throws InterruptedException {
    if (article == null) {
      return; // undecodable record: the connector has logged it
      // (fail-on-deserialization-failure=false)
    }
    // Planning before the subscriptions and the ledger are read would miss subscribers or repeat
    // deliveries: the first articles after a start wait for them.
    if (!subscriptions.awaitLoaded(LOAD_TIMEOUT) || !ledger.awaitLoaded(LOAD_TIMEOUT)) {
      throw new IllegalStateException("subscriptions or delivery ledger not loaded");
    }
    dispatcher.dispatch(article);
  }
}
