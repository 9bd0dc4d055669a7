package io.newsmon.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlaggedArticleListenerTest {

  @Test
  void queuingIsRetriedWithAGrowingPauseCappedAtThirtySeconds() {
    assertThat(FlaggedArticleListener.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(FlaggedArticleListener.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(FlaggedArticleListener.backoff(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(FlaggedArticleListener.backoff(6)).isEqualTo(Duration.ofSeconds(30));
    assertThat(FlaggedArticleListener.backoff(100)).isEqualTo(Duration.ofSeconds(30));
  }
}
