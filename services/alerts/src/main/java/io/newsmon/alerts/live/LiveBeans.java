package io.newsmon.alerts.live;

import io.newsmon.common.KafkaConnection;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** Wires the live stream's hub and its Kafka follower into CDI. */
@ApplicationScoped
public class LiveBeans {

  @Produces
  @ApplicationScoped
  LiveArticles hub() {
    return new LiveArticles();
  }

  @Produces
  @ApplicationScoped
  FlaggedFollower follower(KafkaConnection kafka, LiveArticles hub) {
    return new FlaggedFollower(kafka, hub).start();
  }

  void closeFollower(@Disposes FlaggedFollower follower) throws InterruptedException {
    follower.close();
  }

  /** Starts following at start-up rather than at the first dashboard. */
  void start(@Observes StartupEvent event, FlaggedFollower follower) {
    follower.isRunning(); // the first call on the client proxy creates, and so starts, the bean
  }
}
