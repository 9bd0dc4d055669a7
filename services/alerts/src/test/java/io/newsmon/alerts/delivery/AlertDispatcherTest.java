package io.newsmon.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.alerts.Fixtures;
import io.newsmon.alerts.subscription.SubscriptionRegistry;
import io.newsmon.alerts.subscription.WebhookSubscription;
import io.newsmon.avro.Alert;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertDispatcherTest {

  private final SubscriptionRegistry registry = new SubscriptionRegistry();
  private final Set<String> delivered = new HashSet<>();
  private final DeliveryLedger ledger =
      new DeliveryLedger() {
        @Override
        public boolean isDelivered(String alertId) {
          return delivered.contains(alertId);
        }

        @Override
        public void recordDelivered(Alert alert) {
          delivered.add(alert.getAlertId());
        }
      };
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private final List<String> sentIds = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final WebhookSender sender =
      new WebhookSender(Duration.ofSeconds(1), clock) {
        @Override
        public DeliveryResult send(
            URI url, List<String> secrets, String messageId, String payload) {
          sentIds.add(messageId);
          return new DeliveryResult(statuses.isEmpty() ? 200 : statuses.pop(), null, 1);
        }
      };
  private final AlertDispatcher dispatcher =
      new AlertDispatcher(
          registry,
          ledger,
          new FixedStorySizes(),
          sender,
          List.of(Duration.ZERO, Duration.ZERO),
          clock);

  /** Every story is 7 outlets and 9 copies big. */
  static final class FixedStorySizes implements StorySizes {
    @Override
    public int outlets(String clusterId) {
      return 7;
    }

    @Override
    public int copies(String clusterId) {
      return 9;
    }
  }

  @Test
  void thePayloadCarriesTheStorysSize() {
    registry.put(subscription("s1", "border-tensions"));
    List<String> bodies = new ArrayList<>();
    AlertDispatcher recording =
        new AlertDispatcher(
            registry,
            ledger,
            new FixedStorySizes(),
            new WebhookSender(Duration.ofSeconds(1), clock) {
              @Override
              public DeliveryResult send(
                  URI url, List<String> secrets, String messageId, String payload) {
                bodies.add(payload);
                return new DeliveryResult(204, null, 1);
              }
            },
            List.of(),
            clock);
    recording.dispatch(Fixtures.flagged("a1", "c1", "border-tensions"));
    assertThat(bodies).singleElement().asString().contains("\"outletCount\":7", "\"copyCount\":9");
  }

  @Test
  void oneAlertPerSubscriptionClusterAndTopic() {
    registry.put(subscription("s1", "border-tensions"));
    registry.put(subscription("s2", "protests"));

    var first = dispatcher.dispatch(Fixtures.flagged("a1", "c1", "border-tensions"));
    var again = dispatcher.dispatch(Fixtures.flagged("a2", "c1", "border-tensions"));

    assertThat(first)
        .extracting(AlertDispatcher.Outcome::status)
        .containsExactly(AlertDispatcher.Outcome.Status.DELIVERED);
    assertThat(again)
        .extracting(AlertDispatcher.Outcome::status)
        .containsExactly(AlertDispatcher.Outcome.Status.ALREADY_DELIVERED);
    assertThat(sentIds).hasSize(1);
  }

  @Test
  void retriesServerErrorsButNotClientErrors() {
    registry.put(subscription("s1", "border-tensions"));
    statuses.addAll(List.of(503, 502, 200));
    assertThat(dispatcher.dispatch(Fixtures.flagged("a1", "c1", "border-tensions")))
        .extracting(AlertDispatcher.Outcome::status)
        .containsExactly(AlertDispatcher.Outcome.Status.DELIVERED);
    assertThat(sentIds).hasSize(3).containsOnly(sentIds.get(0));

    statuses.addAll(List.of(400));
    assertThat(dispatcher.dispatch(Fixtures.flagged("b1", "c2", "border-tensions")))
        .extracting(AlertDispatcher.Outcome::status)
        .containsExactly(AlertDispatcher.Outcome.Status.FAILED);
    assertThat(sentIds).hasSize(4);
    assertThat(delivered).hasSize(1);
  }

  @Test
  void pausedSubscriptionsAndLowScoresGetNothing() {
    registry.put(
        new WebhookSubscription(
            "s1",
            "t",
            Set.of("border-tensions"),
            URI.create("http://127.0.0.1/h"),
            "whsec_x",
            0.9,
            WebhookSubscription.Status.ACTIVE,
            Instant.EPOCH,
            Instant.EPOCH));
    registry.put(
        new WebhookSubscription(
            "s2",
            "t",
            Set.of("border-tensions"),
            URI.create("http://127.0.0.1/h"),
            "whsec_x",
            0,
            WebhookSubscription.Status.PAUSED,
            Instant.EPOCH,
            Instant.EPOCH));
    assertThat(dispatcher.dispatch(Fixtures.flagged("a1", "c1", "border-tensions"))).isEmpty();
  }

  @Test
  void alertIdIsDeterministicAndDistinguishesItsParts() {
    assertThat(AlertDispatcher.alertId("s", "c", "t"))
        .isEqualTo(AlertDispatcher.alertId("s", "c", "t"))
        .startsWith("msg_");
    assertThat(AlertDispatcher.alertId("s", "c", "t"))
        .isNotEqualTo(AlertDispatcher.alertId("s", "c", "u"));
    assertThat(AlertDispatcher.alertId("s", "c\nt", ""))
        .isNotEqualTo(AlertDispatcher.alertId("s", "c", "t\n"));
  }

  private static WebhookSubscription subscription(String id, String topic) {
    return new WebhookSubscription(
        id,
        "tenant",
        Set.of(topic),
        URI.create("http://127.0.0.1:1/hook"),
        "whsec_x",
        0,
        WebhookSubscription.Status.ACTIVE,
        Instant.EPOCH,
        Instant.EPOCH);
  }

  @Test
  void anEndpointThatIsGoneIsNotRetriedAndItsSubscriptionIsDisabled() {
    registry.put(subscription("s1", "border-tensions"));
    List<String> gone = new ArrayList<>();
    AlertDispatcher disabling =
        new AlertDispatcher(
            registry,
            ledger,
            new FixedStorySizes(),
            sender,
            List.of(Duration.ZERO, Duration.ZERO),
            clock,
            s -> gone.add(s.id()),
            new EndpointRateLimiter(100, System::nanoTime));
    statuses.push(410);

    var outcomes = disabling.dispatch(Fixtures.flagged("a1", "c1", "border-tensions"));

    assertThat(outcomes)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.status()).isEqualTo(AlertDispatcher.Outcome.Status.FAILED);
              assertThat(o.last().status()).isEqualTo(410);
            });
    assertThat(sentIds).hasSize(1);
    assertThat(gone).containsExactly("s1");
  }

  @Test
  void anOverloadedEndpointIsSlowedDownForThePauseItAsks() {
    registry.put(subscription("s1", "border-tensions"));
    List<Duration> pauses = new ArrayList<>();
    EndpointRateLimiter recording =
        new EndpointRateLimiter(100, System::nanoTime) {
          @Override
          public void slowDown(URI url, Duration pause) {
            pauses.add(pause);
          }
        };
    WebhookSender overloaded =
        new WebhookSender(Duration.ofSeconds(1), clock) {
          private int calls;

          @Override
          public DeliveryResult send(
              URI url, List<String> secrets, String messageId, String payload) {
            return calls++ == 0
                ? new DeliveryResult(429, null, 1, Duration.ofSeconds(7))
                : new DeliveryResult(502, null, 1);
          }
        };
    new AlertDispatcher(
            registry,
            ledger,
            new FixedStorySizes(),
            overloaded,
            List.of(Duration.ZERO),
            clock,
            s -> {},
            recording)
        .dispatch(Fixtures.flagged("a1", "c1", "border-tensions"));

    assertThat(pauses).containsExactly(Duration.ofSeconds(7), AlertDispatcher.SLOW_DOWN_PAUSE);
  }
}
