package io.newsmon.pipeline.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpikeRuleTest {

  private final SpikeRule rule = new SpikeRule(3.0, 10, 7);

  @Test
  void aSpikeIsEnoughArticlesAndEnoughTimesTheUsual() {
    // usual: 336 articles over 168 hours = 2 per hour
    assertThat(rule.judge(42, 336, 168).spike()).isTrue();
    assertThat(rule.judge(42, 336, 168).ratio()).isEqualTo(21.0);
    assertThat(rule.judge(9, 0, 168).spike()).as("fewer than the minimum").isFalse();
    assertThat(rule.judge(12, 168 * 5, 168).spike()).as("12 against a usual 5").isFalse();
    assertThat(rule.judge(15, 168 * 5, 168).spike()).as("exactly 3x").isTrue();
  }

  @Test
  void aTopicUsuallySilentIsComparedWithHalfAnArticleAnHourAndNeedsADayOfHistory() {
    SpikeRule.Verdict silent = rule.judge(10, 0, 48);
    assertThat(silent.spike()).isTrue();
    assertThat(silent.ratio()).isEqualTo(20.0);
    assertThat(rule.judge(100, 0, 23).spike()).as("a young topic is still learning").isFalse();
  }

  @Test
  void aSpikeEndsBelowHalfItsThreshold() {
    assertThat(rule.over(4, rule.judge(4, 336, 168))).as("below half the minimum").isTrue();
    assertThat(rule.over(11, rule.judge(11, 336, 168))).as("still 5.5x").isFalse();
    assertThat(rule.over(10, rule.judge(10, 168 * 7, 168))).as("1.4x the usual").isTrue();
  }

  @Test
  void summariesReadAsAnAnalystWouldSayIt() {
    assertThat(SpikeRule.summary("border-tensions", 42, rule.judge(42, 1176, 168)))
        .isEqualTo("border-tensions: 42 articles in the last hour, 6× the usual 7.0 per hour");
    assertThat(SpikeRule.summary("protests", 12, rule.judge(12, 0, 48)))
        .isEqualTo("protests: 12 articles in the last hour, usually none");
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThatThrownBy(() -> new SpikeRule(1.0, 10, 7)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> new SpikeRule(3.0, 0, 7)).hasMessageContaining("minimum");
    assertThatThrownBy(() -> new SpikeRule(3.0, 10, 29)).hasMessageContaining("28 days");
  }
}
