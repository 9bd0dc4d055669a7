package io.newsmon.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import io.newsmon.alerts.subscription.AlertFilter;
import io.newsmon.alerts.subscription.WebhookSubscription;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** During a rotation's overlap a delivery verifies with the old and with the new secret. */
class SecretRotationTest {

  private static final String OLD = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String NEW = "whsec_bm90aGluZy11cC1teS1zbGVldmUtaGVyZQ==";

  @Test
  void bothSecretsVerifyDuringTheOverlapAndOnlyTheNewOneAfter() throws Exception {
    Instant rotated = Instant.parse("2026-11-22T10:00:00Z");
    WebhookSubscription subscription =
        new WebhookSubscription(
            "sub_1",
            "acme",
            AlertFilter.of(Set.of("protests"), 0),
            URI.create("https://hooks.example.org/x"),
            NEW,
            0,
            WebhookSubscription.Status.ACTIVE,
            rotated,
            rotated,
            OLD,
            rotated.plusSeconds(3600));

    List<String> during = subscription.secretsAt(rotated.plusSeconds(60));
    assertThat(during).containsExactly(NEW, OLD);
    assertThat(subscription.secretsAt(rotated.plusSeconds(3601))).containsExactly(NEW);

    long timestamp = Instant.now().getEpochSecond();
    String payload = "{\"type\":\"topic.flagged\"}";
    HttpHeaders headers =
        HttpHeaders.of(
            Map.of(
                "webhook-id", List.of("msg_1"),
                "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature",
                    List.of(WebhookSender.signatures(during, "msg_1", timestamp, payload))),
            (a, b) -> true);
    assertThatCode(() -> new Webhook(OLD).verify(payload, headers)).doesNotThrowAnyException();
    assertThatCode(() -> new Webhook(NEW).verify(payload, headers)).doesNotThrowAnyException();

    HttpHeaders after =
        HttpHeaders.of(
            Map.of(
                "webhook-id", List.of("msg_1"),
                "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature",
                    List.of(WebhookSender.signatures(List.of(NEW), "msg_1", timestamp, payload))),
            (a, b) -> true);
    assertThatThrownBy(() -> new Webhook(OLD).verify(payload, after)).isNotNull();
  }
}
