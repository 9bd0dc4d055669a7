package io.newsmon.alerts.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.alerts.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveArticlesTest {

  private final LiveArticles hub = new LiveArticles();

  @Test
  void listenersGetOnlyTheirTopicsAndNothingAfterClosing() {
    List<Map<String, Object>> border = new ArrayList<>();
    List<Map<String, Object>> everything = new ArrayList<>();
    LiveArticles.Registration registration = hub.listen(Set.of("border-tensions"), border::add);
    hub.listen(Set.of(), everything::add);

    hub.publish(Fixtures.flagged("a1", "c1", "border-tensions"));
    hub.publish(Fixtures.flagged("a2", "c2", "protests"));
    registration.close();
    hub.publish(Fixtures.flagged("a3", "c3", "border-tensions"));

    assertThat(border)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("articleId")).isEqualTo("a1");
              assertThat(e.get("clusterId")).isEqualTo("c1");
              assertThat((List<?>) e.get("topics")).hasSize(1);
            });
    assertThat(everything).extracting(e -> e.get("articleId")).containsExactly("a1", "a2", "a3");
    assertThat(hub.listeners()).isEqualTo(1);
  }
}
