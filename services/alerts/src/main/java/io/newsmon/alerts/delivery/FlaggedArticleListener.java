package io.newsmon.alerts.delivery;

import io.newsmon.avro.FlaggedArticle;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds {@code news.flagged} to the dispatcher, one article at a time, in partition order. */
@ApplicationScoped
public class FlaggedArticleListener {

  @Inject AlertDispatcher dispatcher;

  @Incoming("news-flagged")
  @Blocking(ordered = true)
  public void onFlagged(FlaggedArticle article) {
    if (article == null) {
      return; // undecodable record: the connector has logged it
      // (fail-on-deserialization-failure=false)
    }
    dispatcher.dispatch(article);
  }
}
