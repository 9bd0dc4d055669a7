package io.newsmon.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.alerts.Fixtures;
import io.newsmon.alerts.subscription.AlertFilter;
import io.newsmon.alerts.subscription.SubscriptionRegistry;
import io.newsmon.alerts.subscription.WebhookSubscription;
import io.newsmon.avro.Alert;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
  private final List<PendingDelivery> queued = new ArrayList<>();
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final AlertDispatcher dispatcher =
      new AlertDispatcher(registry, ledger, new FixedStorySizes(), queued::addAll, clock);

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
  void thePayloadCarriesTheStorysSizeAndIsBuiltOnceForEveryAttempt() {
    registry.put(subscription("s1", "border-tensions"));
    dispatcher.dispatch(Fixtures.flagged("a1", "c1", "border-tensions"));
    assertThat(queued)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.payload()).contains("\"outletCount\":7", "\"copyCount\":9");
              assertThat(d.attempts()).isZero();
              assertThat(d.nextAttemptAt()).isEqualTo(clock.instant());
              assertThat(d.subscriptionId()).isEqualTo("s1");
            });
  }

  @Test
  void oneAlertPerSubscriptionClusterAndTopic() {
    registry.put(subscription("s1", "border-tensions"));
    registry.put(subscription("s2", "protests"));

    var first = dispatcher.dispatch(Fixtures.flagged("a1", "c1", "border-tensions"));
    delivered.add(queued.get(0).alertId());
    var again = dispatcher.dispatch(Fixtures.flagged("a2", "c1", "border-tensions"));

    assertThat(first)
        .extracting(AlertDispatcher.Outcome::status)
        .containsExactly(AlertDispatcher.Outcome.Status.QUEUED);
    assertThat(again)
        .extracting(AlertDispatcher.Outcome::status)
        .containsExactly(AlertDispatcher.Outcome.Status.ALREADY_DELIVERED);
    assertThat(queued).hasSize(1);
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
    assertThat(queued).isEmpty();
  }

  @Test
  void languageCountryAndSourceFiltersChooseTheSubscriptions() {
    // The fixture article is in English, from source "file", and mentions Ukraine and Russia.
    registry.put(filtered("english", Set.of("en"), Set.of(), Set.of()));
    registry.put(filtered("german", Set.of("de"), Set.of(), Set.of()));
    registry.put(filtered("ukraine", Set.of(), Set.of("UA"), Set.of()));
    registry.put(filtered("poland", Set.of(), Set.of("PL"), Set.of()));
    registry.put(filtered("from-file", Set.of(), Set.of(), Set.of("file")));
    registry.put(filtered("from-tass", Set.of(), Set.of(), Set.of("tass")));

    dispatcher.dispatch(Fixtures.flagged("a1", "c1", "border-tensions"));

    assertThat(queued)
        .extracting(PendingDelivery::subscriptionId)
        .containsExactlyInAnyOrder("english", "ukraine", "from-file");
  }

  @Test
  void aDigestSubscriptionsAlertsAreHeldUntilTheEndOfTheirWindow() {
    registry.put(
        new WebhookSubscription(
            "digest",
            "tenant",
            AlertFilter.of(Set.of("border-tensions"), 0),
            URI.create("http://127.0.0.1:1/hook"),
            "whsec_x",
            15,
            WebhookSubscription.Status.ACTIVE,
            Instant.EPOCH,
            Instant.EPOCH,
            null,
            null));
    registry.put(subscription("at-once", "border-tensions"));

    dispatcher.dispatch(Fixtures.flagged("a1", "c1", "border-tensions"));

    assertThat(queued)
        .filteredOn(d -> d.subscriptionId().equals("digest"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.digestWindow()).isEqualTo("2026-01-01T00:00:00Z/2026-01-01T00:15:00Z");
              assertThat(d.nextAttemptAt()).isEqualTo(Instant.parse("2026-01-01T00:15:00Z"));
              assertThat(d.digestId()).isNull();
            });
    assertThat(queued)
        .filteredOn(d -> d.subscriptionId().equals("at-once"))
        .singleElement()
        .satisfies(d -> assertThat(d.inDigest()).isFalse());
  }

  private static WebhookSubscription filtered(
      String id, Set<String> languages, Set<String> countries, Set<String> sources) {
    return new WebhookSubscription(
        id,
        "tenant",
        new AlertFilter(Set.of("border-tensions"), 0, languages, countries, sources),
        URI.create("http://127.0.0.1:1/hook"),
        "whsec_x",
        0,
        WebhookSubscription.Status.ACTIVE,
        Instant.EPOCH,
        Instant.EPOCH,
        null,
        null);
  }

  @Test
  void spikesGoToTheActiveSubscriptionsThatWantThemOnceEach() {
    registry.put(withSpikes("wants", "border-tensions", true, 0));
    registry.put(withSpikes("digest-wants", "border-tensions", true, 60));
    registry.put(withSpikes("flags-only", "border-tensions", false, 0));
    registry.put(withSpikes("other-topic", "protests", true, 0));
    io.newsmon.avro.TopicSpike spike = spike(io.newsmon.avro.SpikeState.STARTED);

    dispatcher.dispatchSpike(spike);
    assertThat(queued)
        .extracting(PendingDelivery::subscriptionId)
        .containsExactly("digest-wants", "wants");
    assertThat(queued)
        .allSatisfy(
            d -> {
              assertThat(d.inDigest()).as("a spike is news now, even in digest mode").isFalse();
              assertThat(d.payload())
                  .contains("\"type\":\"topic.spike.started\"")
                  .contains("\"articles\":42")
                  .contains("6× the usual");
            });

    delivered.add(queued.get(0).alertId());
    queued.clear();
    var again = dispatcher.dispatchSpike(spike);
    assertThat(again)
        .extracting(AlertDispatcher.Outcome::status)
        .containsExactly(
            AlertDispatcher.Outcome.Status.ALREADY_DELIVERED,
            AlertDispatcher.Outcome.Status.QUEUED);
    dispatcher.dispatchSpike(spike(io.newsmon.avro.SpikeState.ENDED));
    assertThat(queued.get(queued.size() - 1).payload()).contains("topic.spike.ended");
    assertThat(queued.get(queued.size() - 1).alertId())
        .as("the end of a spike is its own alert")
        .isNotEqualTo(queued.get(0).alertId());
  }

  private static io.newsmon.avro.TopicSpike spike(io.newsmon.avro.SpikeState state) {
    return io.newsmon.avro.TopicSpike.newBuilder()
        .setTopicId("border-tensions")
        .setState(state)
        .setWindowStart(Instant.parse("2026-01-01T10:00:00Z"))
        .setWindowEnd(Instant.parse("2026-01-01T11:00:00Z"))
        .setArticles(42)
        .setUsualPerHour(7)
        .setRatio(6)
        .setBaselineHours(168)
        .setSummary("border-tensions: 42 articles in the last hour, 6× the usual 7.0 per hour")
        .build();
  }

  private static WebhookSubscription withSpikes(
      String id, String topic, boolean spikes, int digestMinutes) {
    return new WebhookSubscription(
        id,
        "tenant",
        new AlertFilter(Set.of(topic), 0, Set.of(), Set.of(), Set.of(), spikes),
        URI.create("http://127.0.0.1:1/hook"),
        "whsec_x",
        digestMinutes,
        WebhookSubscription.Status.ACTIVE,
        Instant.EPOCH,
        Instant.EPOCH,
        null,
        null);
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
}
