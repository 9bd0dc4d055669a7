package io.newsmon.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryResultTest {

  @Test
  void overloadAnswersAskToSlowDown() {
    assertThat(new DeliveryResult(429, null, 1).asksToSlowDown()).isTrue();
    assertThat(new DeliveryResult(502, null, 1).asksToSlowDown()).isTrue();
    assertThat(new DeliveryResult(504, null, 1).asksToSlowDown()).isTrue();
    assertThat(new DeliveryResult(503, null, 1, Duration.ofSeconds(5)).asksToSlowDown()).isTrue();
    assertThat(new DeliveryResult(503, null, 1).asksToSlowDown()).isFalse();
    assertThat(new DeliveryResult(200, null, 1).asksToSlowDown()).isFalse();
  }
}
