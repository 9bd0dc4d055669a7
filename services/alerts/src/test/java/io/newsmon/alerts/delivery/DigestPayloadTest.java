package io.newsmon.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestPayloadTest {

  private static final DigestWindow WINDOW =
      DigestWindow.containing(Instant.parse("2026-01-01T10:07:30Z"), 15);

  @Test
  void windowsAreAlignedToTheEpochAndWrittenAsIsoIntervals() {
    assertThat(WINDOW.start()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
    assertThat(WINDOW.end()).isEqualTo(Instant.parse("2026-01-01T10:15:00Z"));
    assertThat(WINDOW).hasToString("2026-01-01T10:00:00Z/2026-01-01T10:15:00Z");
    assertThat(DigestWindow.parse(WINDOW.toString())).isEqualTo(WINDOW);
    assertThat(DigestWindow.containing(WINDOW.end(), 15).start()).isEqualTo(WINDOW.end());
    assertThatThrownBy(() -> DigestWindow.containing(Instant.EPOCH, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theIdAndBodyDependOnTheAlertsOnlyNotOnTheirOrder() throws Exception {
    PendingDelivery first = alert("msg_a", "2026-01-01T10:01:00Z");
    PendingDelivery second = alert("msg_b", "2026-01-01T10:02:00Z");
    String id = DigestPayload.digestId(List.of(first, second));
    assertThat(id).startsWith("msg_").isEqualTo(DigestPayload.digestId(List.of(second, first)));
    assertThat(DigestPayload.digestId(List.of(first))).isNotEqualTo(id);
    assertThat(DigestPayload.json(id, List.of(second, first)))
        .isEqualTo(DigestPayload.json(id, List.of(first, second)));

    JsonNode body = new ObjectMapper().readTree(DigestPayload.json(id, List.of(second, first)));
    assertThat(body.path("type").asText()).isEqualTo("topic.digest");
    assertThat(body.path("timestamp").asText()).isEqualTo("2026-01-01T10:15:00Z");
    assertThat(body.at("/data/digestId").asText()).isEqualTo(id);
    assertThat(body.at("/data/window/from").asText()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(body.at("/data/alertCount").asInt()).isEqualTo(2);
    // Each alert as it would have been sent alone, oldest first.
    assertThat(body.at("/data/alerts/0/alertId").asText()).isEqualTo("msg_a");
    assertThat(body.at("/data/alerts/1/alertId").asText()).isEqualTo("msg_b");
  }

  static PendingDelivery alert(String alertId, String createdAt) {
    Instant at = Instant.parse(createdAt);
    return PendingDelivery.first(
            alertId,
            "s1",
            "t1",
            "border-tensions",
            "c-" + alertId,
            "a-" + alertId,
            "Title " + alertId,
            null,
            0.9,
            "{\"type\":\"topic.flagged\",\"data\":{\"alertId\":\"" + alertId + "\"}}",
            at)
        .heldFor(DigestWindow.containing(at, 15));
  }
}
