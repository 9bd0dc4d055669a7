package io.newsmon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

  @Test
  void resolvesKeysByTheirHashOnly() {
    ApiKeys keys =
        new ApiKeys(
            List.of("acme:" + ApiKeys.hash("secret-1"), "globex:" + ApiKeys.hash("secret-2")));
    assertThat(keys.tenantOf("secret-1")).contains("acme");
    assertThat(keys.tenantOf("secret-2")).contains("globex");
    assertThat(keys.tenantOf("secret-3")).isEmpty();
    assertThat(keys.tenantOf(null)).isEmpty();
  }

  @Test
  void refusesPlainKeysInConfigurationWithoutEchoingThem() {
    assertThatThrownBy(() -> new ApiKeys(List.of("acme:my-plain-key")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acme")
        .hasMessageNotContaining("my-plain-key");
  }
}
