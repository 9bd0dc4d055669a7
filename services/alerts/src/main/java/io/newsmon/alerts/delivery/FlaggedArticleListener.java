package io.newsmon.alerts.delivery;

import io.newsmon.alerts.subscription.SubscriptionStore;
import io.newsmon.avro.FlaggedArticle;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds {@code news.flagged} to the dispatcher, one article at a time, in partition order. The
 * offset is committed only after the article's deliveries are durably queued.
 */
@ApplicationScoped
public class FlaggedArticleListener {

  private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);
  private static final Logger LOG = Logger.getLogger(FlaggedArticleListener.class);

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
    // Queuing fails only when Kafka is unreachable: wait for it rather than skip the article
    // (its offset must not be committed before its alerts are queued) or stop the channel.
    org.jboss.logging.MDC.put("traceId", article.getArticle().getTraceId());
    for (int attempt = 1; ; attempt++) {
      try {
        dispatcher.dispatch(article);
        org.jboss.logging.MDC.remove("traceId");
        return;
      } catch (RuntimeException e) {
        Duration pause = backoff(attempt);
        LOG.errorf(
            "cannot queue the alerts of article %s (attempt %d), trying again in %s: %s",
            article.getArticle().getArticleId(), attempt, pause, e.getMessage());
        Thread.sleep(pause);
      }
    }
  }

  /** 1 s, 2 s, 4 s ... up to 30 s between attempts to queue an article's alerts. */
  static Duration backoff(int attempt) {
    return Duration.ofSeconds(Math.min(30, 1L << Math.min(attempt - 1, 5)));
  }
}
