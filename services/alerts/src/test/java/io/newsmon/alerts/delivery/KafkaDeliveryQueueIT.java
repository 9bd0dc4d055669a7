package io.newsmon.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.newsmon.alerts.subscription.SubscriptionRegistry;
import io.newsmon.alerts.subscription.WebhookSubscription;
import io.newsmon.avro.Delivery;
import io.newsmon.avro.DeliveryAttempt;
import io.newsmon.avro.OpsEvent;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.kafka.LocalKafka;
import io.newsmon.schema.AvroSerde;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The durable retry queue against a real broker and a real HTTP receiver: retries survive a restart
 * of the service in the middle of a retry sequence, exhausted deliveries reach the dead-letter
 * topic with an operational event, and every attempt is in the delivery log.
 */
class KafkaDeliveryQueueIT {

  private static LocalKafka kafka;

  private final SubscriptionRegistry registry = new SubscriptionRegistry();
  private final Set<String> delivered = ConcurrentHashMap.newKeySet();
  private final DeliveryLedger ledger =
      new DeliveryLedger() {
        @Override
        public boolean isDelivered(String alertId) {
          return delivered.contains(alertId);
        }

        @Override
        public void recordDelivered(io.newsmon.avro.Alert alert) {
          delivered.add(alert.getAlertId());
        }
      };
  private final List<String> received = new CopyOnWriteArrayList<>();

  /** Every request: its webhook-id and body, whatever the answer. */
  private final List<Map.Entry<String, String>> requests = new CopyOnWriteArrayList<>();

  private final List<Instant> requestTimes = new CopyOnWriteArrayList<>();

  private final AtomicInteger calls = new AtomicInteger();
  private volatile IntUnaryOperator statusForCall = n -> 204;
  private final List<String> disabled = new CopyOnWriteArrayList<>();
  private HttpServer receiver;
  private final List<KafkaDeliveryQueue> queues = new ArrayList<>();
  private final io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
      new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = LocalKafka.start(Files.createTempDirectory("delivery-queue-it"));
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          int status = statusForCall.applyAsInt(calls.incrementAndGet());
          String body = verifiedBody(exchange);
          requests.add(Map.entry(exchange.getRequestHeaders().getFirst("webhook-id"), body));
          requestTimes.add(Instant.now());
          if (status < 300) {
            received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    // A thread per call, as real receivers have: one hanging request must not block the others.
    receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    receiver.start();
  }

  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  /** Requests whose signature the official Standard Webhooks library refused. */
  private final List<String> unverified = new CopyOnWriteArrayList<>();

  private final AtomicInteger verified = new AtomicInteger();

  /**
   * The request's body, after checking its signature with the official library: every test
   * subscription signs with {@link #SECRET}.
   */
  private String verifiedBody(com.sun.net.httpserver.HttpExchange exchange)
      throws java.io.IOException {
    String body =
        new String(
            exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      new com.standardwebhooks.Webhook(SECRET)
          .verify(
              body,
              java.net.http.HttpHeaders.of(exchange.getRequestHeaders(), (name, value) -> true));
      verified.incrementAndGet();
    } catch (com.standardwebhooks.exceptions.WebhookVerificationException
        | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
      unverified.add(exchange.getRequestHeaders().getFirst("webhook-id") + ": " + e.getMessage());
    }
    return body;
  }

  @AfterEach
  void everyRequestWasSignedCorrectly() {
    assertThat(unverified).as("requests whose signature did not verify").isEmpty();
    assertThat(verified.get()).as("requests verified").isPositive();
  }

  @AfterEach
  void stop() throws Exception {
    for (KafkaDeliveryQueue queue : queues) {
      queue.close();
    }
    receiver.stop(0);
  }

  @Test
  void retriesSurviveARestartInTheMiddleOfTheSequence() throws Exception {
    String subscription = subscribe("s-restart");
    statusForCall = n -> n <= 2 ? 503 : 204;
    // The second attempt comes 3 s after the first: long enough to stop the service in between.
    RetrySchedule schedule =
        new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(3), Duration.ofMillis(300)), 0);
    KafkaDeliveryQueue first = queue(schedule);
    first.enqueue(
        List.of(
            delivery("msg_restart", subscription).withIngestedAt(Instant.now().minusSeconds(2))));
    await().atMost(Duration.ofSeconds(60)).until(() -> calls.get() >= 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> attemptsLogged("s-restart") >= 1);
    first.close();
    queues.remove(first);
    int callsBeforeRestart = calls.get();

    queue(schedule); // the restarted service: same consumer group, reads the queue back

    await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 1);
    assertThat(callsBeforeRestart).as("stopped in the middle of the sequence").isEqualTo(1);
    assertThat(received).containsExactly("msg_restart");
    assertThat(calls.get()).as("503, 503 after the restart, then 204").isEqualTo(3);
    // The ledger is written after the 2xx, so it may trail the receiver by a moment.
    await().atMost(Duration.ofSeconds(10)).until(() -> !delivered.isEmpty());
    assertThat(delivered).containsExactly("msg_restart");
    await().atMost(Duration.ofSeconds(10)).until(() -> attemptsLogged("s-restart") >= 3);
    assertThat(read(TopicCatalog.ALERTS_ATTEMPTS.name(), DeliveryAttempt.class))
        .filteredOn(a -> a.getSubscriptionId().equals("s-restart"))
        .extracting(DeliveryAttempt::getOutcome)
        .containsExactly("retrying", "retrying", "delivered");
    // Metrics of both instances, which share the registry here.
    assertThat(meters.get("newsmon.alerts.deliveries").tag("outcome", "retried").counter().count())
        .isEqualTo(2);
    assertThat(
            meters.get("newsmon.alerts.deliveries").tag("outcome", "delivered").counter().count())
        .isEqualTo(1);
    assertThat(meters.get("newsmon.alerts.webhook.request").timer().count()).isEqualTo(3);
    var ingestToDelivered = meters.get("newsmon.ingest.to.delivered").timer();
    assertThat(ingestToDelivered.count()).isEqualTo(1);
    assertThat(ingestToDelivered.totalTime(java.util.concurrent.TimeUnit.SECONDS))
        .as("from 2 s before the first attempt, through two retries")
        .isGreaterThan(2.0);
  }

  /**
   * An instance that wakes up from a freeze longer than its ownership lease (simulated by moving
   * its monotonic time on) gives its partitions up and rejoins before it sends anything: here it is
   * the only instance, so it gets them back, reads them again and sends the pending retry once.
   */
  @Test
  void aQueueAwayLongerThanItsLeaseRejoinsBeforeSendingAndSendsOnce() throws Exception {
    String subscription = subscribe("s-lease");
    statusForCall = n -> n == 1 ? 503 : 204;
    RetrySchedule schedule = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(2)), 0);
    java.util.concurrent.atomic.AtomicLong frozenFor = new java.util.concurrent.atomic.AtomicLong();
    queue(
            schedule,
            Duration.ofSeconds(5),
            new AtomicInteger(),
            () -> System.nanoTime() + frozenFor.get())
        .enqueue(List.of(delivery("msg_lease", subscription)));
    await().atMost(Duration.ofSeconds(60)).until(() -> calls.get() >= 1);

    frozenFor.set(Duration.ofSeconds(60).toNanos()); // as if the process had been stopped a minute

    await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 1);
    assertThat(meters.get("newsmon.alerts.ownership.lapses").counter().count())
        .as("the lapse was noticed once")
        .isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> attemptsLogged("s-lease") >= 2);
    assertThat(received).containsExactly("msg_lease");
    assertThat(calls.get()).as("503, then the retry once, after rejoining").isEqualTo(2);
  }

  @Test
  void exhaustedDeliveriesGoToTheDeadLetterTopicWithAnOperationalEvent() throws Exception {
    String subscription = subscribe("s-dead");
    statusForCall = n -> 500;
    KafkaDeliveryQueue queue =
        queue(new RetrySchedule(List.of(Duration.ZERO, Duration.ofMillis(200)), 0));

    queue.enqueue(List.of(delivery("msg_dead", subscription)));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                read(TopicCatalog.ALERTS_DEAD_LETTER.name(), Delivery.class).stream()
                    .anyMatch(d -> d.getAlertId().equals("msg_dead")));
    Delivery dead =
        read(TopicCatalog.ALERTS_DEAD_LETTER.name(), Delivery.class).stream()
            .filter(d -> d.getAlertId().equals("msg_dead"))
            .findFirst()
            .orElseThrow();
    assertThat(dead.getAttempts()).isEqualTo(2);
    assertThat(dead.getLastStatus()).isEqualTo(500);
    assertThat(dead.getReason()).isEqualTo("no success after 2 attempts");
    assertThat(dead.getPayload()).isEqualTo("{\"hello\":true}");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                read(TopicCatalog.OPS_EVENTS.name(), OpsEvent.class).stream()
                    .anyMatch(
                        e ->
                            e.getKind().equals("alert.dead-lettered")
                                && "msg_dead".equals(e.getAlertId())));
    assertThat(received).isEmpty();
    await().atMost(Duration.ofSeconds(30)).until(() -> queue.pendingCount() == 0);
  }

  @Test
  void goneDisablesTheSubscriptionAndTellsItsOwner() throws Exception {
    String subscription = subscribe("s-gone");
    statusForCall = n -> 410;
    KafkaDeliveryQueue queue = queue(RetrySchedule.STANDARD_WEBHOOKS);

    queue.enqueue(List.of(delivery("msg_gone", subscription)));

    await().atMost(Duration.ofSeconds(60)).until(() -> disabled.contains("s-gone"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                read(TopicCatalog.OPS_EVENTS.name(), OpsEvent.class).stream()
                    .anyMatch(
                        e ->
                            e.getKind().equals("subscription.disabled")
                                && "s-gone".equals(e.getSubscriptionId())));
    assertThat(calls.get()).as("410 is not retried").isEqualTo(1);
  }

  @Test
  void oneArticleFansOutToAThousandSubscriptionsEachDeliveredOnce() throws Exception {
    for (int i = 0; i < 1000; i++) {
      subscribe("s-fan-" + i);
    }
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    AtomicInteger attemptsMade = new AtomicInteger();
    failFirstAttemptOfOneInTen(failedOnce, attemptsMade);
    KafkaDeliveryQueue queue =
        queue(new RetrySchedule(List.of(Duration.ZERO, Duration.ofMillis(500)), 0));
    AlertDispatcher dispatcher =
        new AlertDispatcher(
            registry, ledger, new AlertDispatcherTest.FixedStorySizes(), queue, Clock.systemUTC());

    var planned =
        dispatcher.dispatch(io.newsmon.alerts.Fixtures.flagged("fan", "fan", "border-tensions"));

    assertThat(planned).hasSize(1000);
    await().atMost(Duration.ofSeconds(120)).until(() -> received.size() >= 1000);
    await().atMost(Duration.ofSeconds(30)).until(() -> queue.pendingCount() == 0);
    assertThat(received).hasSize(1000).doesNotHaveDuplicates();
    assertThat(delivered).hasSize(1000);
    assertThat(attemptsMade.get()).isEqualTo(1000 + failedOnce.size());
    assertThat(failedOnce).isNotEmpty();
  }

  @Test
  void aHangingEndpointTimesOutWithoutHoldingUpOthersAndRetryAfterIsHonoured() throws Exception {
    subscribe("s-hang");
    subscribe("s-slow-down");
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Map<String, Instant> firstCallAt = new ConcurrentHashMap<>();
    Map<String, Instant> deliveredAt = new ConcurrentHashMap<>();
    receiver.removeContext("/hook");
    receiver.createContext(
        "/hook",
        exchange -> {
          verifiedBody(exchange);
          String id = exchange.getRequestHeaders().getFirst("webhook-id");
          boolean first = firstCallAt.putIfAbsent(id, Instant.now()) == null;
          int status = 204;
          if (first && id.equals("msg_hang")) {
            try {
              release.await(30, java.util.concurrent.TimeUnit.SECONDS); // longer than the timeout
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            status = 500;
          } else if (first && id.equals("msg_slow")) {
            exchange.getResponseHeaders().add("Retry-After", "2");
            status = 429;
          }
          if (status == 204) {
            deliveredAt.put(id, Instant.now());
            received.add(id);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    KafkaDeliveryQueue queue =
        queue(
            new RetrySchedule(List.of(Duration.ZERO, Duration.ofMillis(100)), 0),
            Duration.ofSeconds(1));

    queue.enqueue(List.of(delivery("msg_hang", "s-hang"), delivery("msg_slow", "s-slow-down")));

    await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 2);
    release.countDown();
    assertThat(received).containsExactlyInAnyOrder("msg_hang", "msg_slow");
    assertThat(Duration.between(firstCallAt.get("msg_hang"), firstCallAt.get("msg_slow")).abs())
        .as("the other endpoint was called while the first one hung")
        .isLessThan(Duration.ofMillis(900));
    assertThat(Duration.between(firstCallAt.get("msg_slow"), deliveredAt.get("msg_slow")))
        .as("429 with Retry-After: 2 is retried after two seconds, not after 100 ms")
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    assertThat(Duration.between(firstCallAt.get("msg_hang"), deliveredAt.get("msg_hang")))
        .as("the hanging attempt timed out after a second and was retried")
        .isBetween(Duration.ofMillis(900), Duration.ofSeconds(20));
  }

  @Test
  void aDigestGoesOutOnceAtTheEndOfItsWindowAndItsRetryAfterARestartIsTheSameWebhook()
      throws Exception {
    String subscription = subscribe("s-digest");
    statusForCall = n -> n == 1 ? 503 : 204;
    RetrySchedule schedule =
        new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(3), Duration.ofMillis(300)), 0);
    Instant now = Instant.now();
    DigestWindow window = new DigestWindow(now.minusSeconds(60), now.plusSeconds(2));
    List<PendingDelivery> alerts =
        List.of("msg_d1", "msg_d2", "msg_d3").stream()
            .map(id -> alertFor(id, subscription).heldFor(window))
            .toList();
    KafkaDeliveryQueue first = queue(schedule);
    first.enqueue(alerts);

    await().atMost(Duration.ofSeconds(60)).until(() -> calls.get() >= 1);
    Instant firstCall = requestTimes.get(0);
    await().atMost(Duration.ofSeconds(10)).until(() -> attemptsLogged("s-digest") >= 3);
    first.close();
    queues.remove(first);
    queue(schedule); // restarted: reads the three alerts, with their digest id, back

    await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 1);
    String digestId = DigestPayload.digestId(alerts);
    assertThat(firstCall).as("held until the window ended").isAfterOrEqualTo(window.end());
    assertThat(calls.get()).as("503, then 204 after the restart").isEqualTo(2);
    assertThat(received).containsExactly(digestId);
    assertThat(requests).extracting(Map.Entry::getKey).containsExactly(digestId, digestId);
    assertThat(requests.get(1).getValue())
        .as("the retry sends the same bytes")
        .isEqualTo(requests.get(0).getValue())
        .contains("\"type\":\"topic.digest\"", "\"alertCount\":3", "msg_d1", "msg_d2", "msg_d3");
    await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() >= 3);
    assertThat(delivered).containsExactlyInAnyOrder("msg_d1", "msg_d2", "msg_d3");

    // An alert of the same window arriving after its digest went out goes in a digest of its own.
    queues.get(0).enqueue(List.of(alertFor("msg_d4", subscription).heldFor(window)));
    await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
    assertThat(received.get(1)).isNotEqualTo(digestId);
    assertThat(requests.get(2).getValue()).contains("\"alertCount\":1", "msg_d4");
    await().atMost(Duration.ofSeconds(10)).until(() -> delivered.contains("msg_d4"));
    assertThat(delivered).hasSize(4);
  }

  /** The receiver answers 503 to the first attempt of one alert in ten: its retry delivers it. */
  private void failFirstAttemptOfOneInTen(Set<String> failedOnce, AtomicInteger attemptsMade) {
    receiver.removeContext("/hook");
    receiver.createContext(
        "/hook",
        exchange -> {
          verifiedBody(exchange);
          attemptsMade.incrementAndGet();
          String id = exchange.getRequestHeaders().getFirst("webhook-id");
          int status = id.hashCode() % 10 == 0 && failedOnce.add(id) ? 503 : 204;
          if (status == 204) {
            received.add(id);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
  }

  @Test
  void twoInstancesShareTheQueueAndEachAlertIsDeliveredOnce() throws Exception {
    int subscriptions = 300;
    for (int i = 0; i < subscriptions; i++) {
      subscribe("s-pair-" + i);
    }
    RetrySchedule schedule = new RetrySchedule(List.of(Duration.ZERO, Duration.ofMillis(500)), 0);
    AtomicInteger sentByFirst = new AtomicInteger();
    AtomicInteger sentBySecond = new AtomicInteger();
    KafkaDeliveryQueue first = queue(schedule, Duration.ofSeconds(5), sentByFirst);
    KafkaDeliveryQueue second = queue(schedule, Duration.ofSeconds(5), sentBySecond);
    // Both in the group before anything is queued: no partition moves while attempts run.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                !first.ownedPartitions().isEmpty()
                    && !second.ownedPartitions().isEmpty()
                    && first.ownedPartitions().size() + second.ownedPartitions().size()
                        == TopicCatalog.ALERTS_DELIVERIES.partitions());
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    AtomicInteger attemptsMade = new AtomicInteger();
    failFirstAttemptOfOneInTen(failedOnce, attemptsMade);
    List<PendingDelivery> planned = new ArrayList<>();
    for (int i = 0; i < subscriptions; i++) {
      planned.add(alertFor("msg_pair_" + i, "s-pair-" + i));
    }
    first.enqueue(planned.subList(0, subscriptions / 2));
    second.enqueue(planned.subList(subscriptions / 2, subscriptions));

    await().atMost(Duration.ofSeconds(120)).until(() -> received.size() >= subscriptions);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> first.pendingCount() == 0 && second.pendingCount() == 0);
    assertThat(received).hasSize(subscriptions).doesNotHaveDuplicates();
    assertThat(sentByFirst.get()).as("the first instance delivered its partitions").isPositive();
    assertThat(sentBySecond.get()).as("the second instance delivered its partitions").isPositive();
    assertThat(failedOnce).as("some first attempts failed").isNotEmpty();
    assertThat(sentByFirst.get() + sentBySecond.get())
        .isEqualTo(attemptsMade.get())
        .isEqualTo(subscriptions + failedOnce.size());
  }

  @Test
  void aPartitionHandedOverWithAttemptsUnderWayIsNotSentAgain() throws Exception {
    int subscriptions = 24;
    for (int i = 0; i < subscriptions; i++) {
      subscribe("s-handover-" + i);
    }
    // Every call is held 3 s, so attempts are under way when the second instance joins.
    List<String> arrivals = new CopyOnWriteArrayList<>();
    receiver.removeContext("/hook");
    receiver.createContext(
        "/hook",
        exchange -> {
          verifiedBody(exchange);
          String id = exchange.getRequestHeaders().getFirst("webhook-id");
          arrivals.add(id);
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          received.add(id);
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    RetrySchedule schedule = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(1)), 0);
    KafkaDeliveryQueue first = queue(schedule, Duration.ofSeconds(10));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> first.ownedPartitions().size() == TopicCatalog.ALERTS_DELIVERIES.partitions());
    List<PendingDelivery> planned = new ArrayList<>();
    for (int i = 0; i < subscriptions; i++) {
      planned.add(alertFor("msg_handover_" + i, "s-handover-" + i));
    }
    first.enqueue(planned);
    await().atMost(Duration.ofSeconds(30)).until(() -> arrivals.size() >= subscriptions / 2);

    // Joining makes the group rebalance: the first instance's partitions are revoked while its
    // attempts wait for their answers.
    KafkaDeliveryQueue second = queue(schedule, Duration.ofSeconds(10));

    await().atMost(Duration.ofSeconds(120)).until(() -> received.size() >= subscriptions);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> first.pendingCount() == 0 && second.pendingCount() == 0);
    assertThat(second.ownedPartitions()).as("the second instance took partitions").isNotEmpty();
    assertThat(arrivals)
        .as("each alert arrived once")
        .hasSize(subscriptions)
        .doesNotHaveDuplicates();
  }

  private static PendingDelivery alertFor(String alertId, String subscriptionId) {
    return PendingDelivery.first(
        alertId,
        subscriptionId,
        "t1",
        "border-tensions",
        "c-" + alertId,
        "a-" + alertId,
        "Title " + alertId,
        null,
        0.9,
        "{\"type\":\"topic.flagged\",\"data\":{\"alertId\":\"" + alertId + "\"}}",
        Instant.now());
  }

  private String subscribe(String id) {
    registry.put(
        new WebhookSubscription(
            id,
            "t1",
            Set.of("border-tensions"),
            URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
            SECRET,
            0,
            WebhookSubscription.Status.ACTIVE,
            Instant.EPOCH,
            Instant.EPOCH));
    return id;
  }

  private static PendingDelivery delivery(String alertId, String subscriptionId) {
    return PendingDelivery.first(
        alertId,
        subscriptionId,
        "t1",
        "border-tensions",
        "c-" + alertId,
        "a-" + alertId,
        "Title",
        null,
        0.9,
        "{\"hello\":true}",
        Instant.now());
  }

  private KafkaDeliveryQueue queue(RetrySchedule schedule) {
    return queue(schedule, Duration.ofSeconds(5));
  }

  private KafkaDeliveryQueue queue(RetrySchedule schedule, Duration timeout) {
    return queue(schedule, timeout, new AtomicInteger());
  }

  /** A queue whose webhook calls are counted in {@code sends}. */
  private KafkaDeliveryQueue queue(RetrySchedule schedule, Duration timeout, AtomicInteger sends) {
    return queue(schedule, timeout, sends, System::nanoTime);
  }

  /** As above, measuring its ownership lease in {@code nanoTime}. */
  private KafkaDeliveryQueue queue(
      RetrySchedule schedule,
      Duration timeout,
      AtomicInteger sends,
      java.util.function.LongSupplier nanoTime) {
    Clock clock = Clock.systemUTC();
    DeliveryWorker worker =
        new DeliveryWorker(
            registry::get,
            ledger,
            new WebhookSender(
                timeout,
                clock,
                io.newsmon.alerts.security.WebhookUrlGuard.of(List.of("127.0.0.1"))) {
              @Override
              public DeliveryResult send(
                  URI url, List<String> secrets, String messageId, String payload) {
                sends.incrementAndGet();
                return super.send(url, secrets, messageId, payload);
              }
            },
            EndpointRateLimiter.unlimited(),
            EndpointHealthBook.inMemory(),
            schedule,
            Duration.ofDays(5),
            clock,
            new SplittableRandom(1));
    KafkaDeliveryQueue queue =
        new KafkaDeliveryQueue(
                KafkaConnection.of(kafka.bootstrapServers()),
                worker,
                ledger,
                disabled::add,
                () -> true,
                clock,
                16,
                new DeliveryMetrics(meters, clock),
                nanoTime)
            .start();
    queues.add(queue);
    return queue;
  }

  private long attemptsLogged(String subscriptionId) {
    return read(TopicCatalog.ALERTS_ATTEMPTS.name(), DeliveryAttempt.class).stream()
        .filter(a -> a.getSubscriptionId().equals(subscriptionId))
        .count();
  }

  /** Everything in a topic right now, in partition order. */
  private static <T extends org.apache.avro.specific.SpecificRecord> List<T> read(
      String topic, Class<T> type) {
    AvroSerde<T> serde = AvroSerde.of(type);
    try (KafkaConsumer<String, T> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringDeserializer(),
            serde.deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<T> values = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
      return values;
    }
  }
}
