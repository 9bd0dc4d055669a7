package io.newsmon.alerts.live;

import static io.newsmon.common.testing.SecuredKafka.SASL_SSL;
import static io.newsmon.common.testing.SecuredKafka.assertBuiltWithConnection;
import static io.newsmon.common.testing.SecuredKafka.assertSecured;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlaggedFollowerSecurityTest {

  @Test
  void theLiveStreamFollowsNewsFlaggedWithTheConnection(@TempDir Path dir) {
    assertSecured(FlaggedFollower.consumerConfig(SASL_SSL));
    assertThat(FlaggedFollower.consumerConfig(SASL_SSL)).doesNotContainKey("group.id");
    assertBuiltWithConnection(dir, kafka -> new FlaggedFollower(kafka, new LiveArticles()));
  }
}
