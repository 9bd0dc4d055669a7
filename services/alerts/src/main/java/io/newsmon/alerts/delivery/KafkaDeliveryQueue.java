package io.newsmon.alerts.delivery;

import io.newsmon.avro.Alert;
import io.newsmon.avro.Delivery;
import io.newsmon.avro.DeliveryAttempt;
import io.newsmon.avro.OpsEvent;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicSpec;
import io.newsmon.schema.AvroSerde;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The durable retry queue: pending deliveries live in the compacted {@code alerts.deliveries},
 * partitioned by subscription, and each partition is worked by one instance of the service (a
 * consumer group). On assignment an instance reads its partitions from the beginning, rebuilds
 * their schedule, and only then starts attempts; on revocation it forgets them. So retries survive
 * restarts and move with rebalances, and several instances share the work.
 *
 * <p>Each attempt runs on a virtual thread (a slow endpoint holds only its own thread, bounded by
 * {@code maxInFlight}); its outcome is written back before the next is scheduled: the updated
 * delivery for a retry, the delivery log ({@code alerts.attempts}), the ledger ({@code
 * alerts.sent}) and a tombstone on success, the dead-letter topic and an operational event when it
 * is given up.
 *
 * <p>A partition handed over in a rebalance (an instance joining or leaving cleanly) is released
 * only once the attempts under way on it have finished and their outcome is written, so the next
 * owner does not repeat them. What can repeat: an instance that dies (or loses its partitions
 * without handing them over) after an endpoint received a webhook but before the 2xx and the ledger
 * write are recorded; that alert is sent again, always with the same {@code webhook-id} so the
 * receiver can drop it (docs/alerts.md).
 */
public final class KafkaDeliveryQueue implements DeliveryQueue, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KafkaDeliveryQueue.class);

  /** When writing an attempt's outcome fails, the delivery is tried again after this. */
  static final Duration WRITE_FAILURE_RETRY = Duration.ofSeconds(30);

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private final TopicSpec topic = TopicCatalog.ALERTS_DELIVERIES;
  private final DeliveryWorker worker;
  private final DeliveryMetrics metrics;
  private final DeliveryLedger ledger;
  private final Consumer<String> disableSubscription;
  private final BooleanSupplier ready;
  private final Clock clock;
  private final KafkaProducer<String, byte[]> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final AvroSerde<Delivery> deliveries = AvroSerde.of(Delivery.class);
  private final AvroSerde<DeliveryAttempt> attempts = AvroSerde.of(DeliveryAttempt.class);
  private final AvroSerde<OpsEvent> events = AvroSerde.of(OpsEvent.class);
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("delivery-timer").factory());
  private final ExecutorService attemptThreads =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("delivery-", 0).factory());
  private final Semaphore inFlight;
  private final Map<String, Tracked> pending = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> loadingUntil = new ConcurrentHashMap<>();
  private final Thread poller;
  private volatile boolean running = true;
  private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();

  /**
   * How long the poller may go without returning from a poll before this instance stops trusting
   * that its partitions are still its own. A poll returns every 200 ms or so; a process that was
   * frozen (SIGSTOP, a VM paused, a very long collection) or cut off for longer than the consumer
   * session timeout has been replaced in the group, and the timers it wakes up with are all
   * overdue: sending them would repeat alerts the new owner already sent. Well under the session
   * timeout (45 s), so an instance out of the group has always stopped sending first.
   */
  static final Duration OWNERSHIP_LEASE = Duration.ofSeconds(10);

  /** When an attempt found the lease lapsed, how soon to look again. */
  private static final Duration LEASE_RECHECK = Duration.ofMillis(500);

  /** When the poller last returned from a poll ({@link #nanoTime}), its ownership confirmed. */
  private volatile long polledAt;

  private final java.util.function.LongSupplier nanoTime;

  /** Time the current poll spent in our rebalance callbacks (hand-over waits); poller only. */
  private long inCallbacks;

  /** One pending delivery this instance owns. */
  private static final class Tracked {
    final int partition;
    volatile PendingDelivery delivery;
    volatile ScheduledFuture<?> due;
    volatile boolean inFlight;
    volatile Future<?> attempt;

    Tracked(int partition, PendingDelivery delivery) {
      this.partition = partition;
      this.delivery = delivery;
    }
  }

  /**
   * @param kafka how the queue's producer and consumer connect (TLS, SASL)
   * @param disableSubscription disables a subscription by id (410 Gone, or failing too long)
   * @param ready whether subscriptions, ledger and endpoint health are loaded: no attempt is made
   *     before, so a delivery is never dropped for a subscription not yet read
   * @param maxInFlight most attempts under way at once on this instance
   * @param metrics where outcomes, backlog and latencies are counted
   */
  public KafkaDeliveryQueue(
      KafkaConnection kafka,
      DeliveryWorker worker,
      DeliveryLedger ledger,
      Consumer<String> disableSubscription,
      BooleanSupplier ready,
      Clock clock,
      int maxInFlight,
      DeliveryMetrics metrics) {
    this(
        kafka,
        worker,
        ledger,
        disableSubscription,
        ready,
        clock,
        maxInFlight,
        metrics,
        System::nanoTime);
  }

  /** As the public constructor, with the monotonic time the ownership lease is measured in. */
  KafkaDeliveryQueue(
      KafkaConnection kafka,
      DeliveryWorker worker,
      DeliveryLedger ledger,
      Consumer<String> disableSubscription,
      BooleanSupplier ready,
      Clock clock,
      int maxInFlight,
      DeliveryMetrics metrics,
      java.util.function.LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.polledAt = nanoTime.getAsLong();
    this.metrics = metrics;
    metrics.watch(this::pendingCount, this::retryBacklog);
    this.worker = worker;
    this.ledger = ledger;
    this.disableSubscription = disableSubscription;
    this.ready = ready;
    this.clock = clock;
    this.inFlight = new Semaphore(maxInFlight);
    this.producer =
        new KafkaProducer<>(
            producerConfig(kafka), new StringSerializer(), new ByteArraySerializer());
    this.consumer =
        new KafkaConsumer<>(
            consumerConfig(kafka), new StringDeserializer(), new ByteArrayDeserializer());
    this.poller = Thread.ofPlatform().daemon().name("delivery-queue").unstarted(this::run);
  }

  /** The producer's settings: every outcome written durably, once. */
  static Map<String, Object> producerConfig(KafkaConnection kafka) {
    return kafka.clientConfig(
        Map.of(
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            1,
            ProducerConfig.CLIENT_ID_CONFIG,
            "newsmon-alerts-deliveries-producer"));
  }

  /** The consumer's settings: the group the instances share the queue's partitions in. */
  static Map<String, Object> consumerConfig(KafkaConnection kafka) {
    return kafka.clientConfig(
        Map.of(
            ConsumerConfig.GROUP_ID_CONFIG, "newsmon-alerts-deliveries",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.CLIENT_ID_CONFIG, "newsmon-alerts-deliveries"));
  }

  public KafkaDeliveryQueue start() {
    poller.start();
    return this;
  }

  /** The partitions of the queue this instance works now. */
  public java.util.Set<Integer> ownedPartitions() {
    return java.util.Set.copyOf(owned);
  }

  private final java.util.Set<Integer> owned = ConcurrentHashMap.newKeySet();

  /** Whether the queue's poller still runs: delivery workers are fed only while it does. */
  public boolean isAlive() {
    return running && poller.isAlive();
  }

  /** Deliveries this instance owns and has not finished. */
  public int pendingCount() {
    return pending.size();
  }

  /** Deliveries this instance owns that failed at least once and wait for another attempt. */
  public int retryBacklog() {
    int failed = 0;
    for (Tracked tracked : pending.values()) {
      if (tracked.delivery.attempts() > 0) {
        failed++;
      }
    }
    return failed;
  }

  @Override
  public void enqueue(List<PendingDelivery> planned) {
    List<Future<RecordMetadata>> writes = new ArrayList<>(planned.size());
    for (PendingDelivery delivery : planned) {
      writes.add(producer.send(record(delivery)));
    }
    for (Future<RecordMetadata> write : writes) {
      await(write);
    }
  }

  // ---- the poller thread: ownership and the schedule it rebuilds --------------------------------

  private void run() {
    try {
      while (running && !ready.getAsBoolean()) {
        Thread.sleep(100);
      }
      consumer.subscribe(List.of(topic.name()), new Ownership());
      polledAt = nanoTime.getAsLong();
      while (running) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        inCallbacks = 0;
        try {
          consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        } catch (RecordDeserializationException e) {
          LOG.errorf("skipping unreadable record %s@%d", e.topicPartition(), e.offset());
          consumer.seek(e.topicPartition(), e.offset() + 1);
          continue;
        }
        renewLease();
        for (ConsumerRecord<String, byte[]> record : records) {
          if (owned.contains(record.partition())) {
            apply(record);
          }
        }
        finishLoading();
      }
    } catch (WakeupException | InterruptedException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("the delivery queue stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * After a poll: if the poller was away longer than {@link #OWNERSHIP_LEASE} (not counting the
   * hand-over waits in our own callbacks), this instance may have been replaced in the group
   * without being told yet, so it drops its partitions' schedules and asks for a rebalance, which
   * gives them back, re-read from the start, if they are still its own. Only then is the lease
   * renewed, so no timer that saw it lapse can start an attempt on a dropped schedule.
   */
  private void renewLease() {
    long now = nanoTime.getAsLong();
    long away = now - polledAt - inCallbacks;
    if (away > OWNERSHIP_LEASE.toNanos() && !owned.isEmpty()) {
      LOG.warnf(
          "delivery queue: no poll for %d s (process frozen or starved?); dropping the schedules"
              + " of partitions %s and rejoining, another instance may own them now",
          TimeUnit.NANOSECONDS.toSeconds(away), owned);
      metrics.ownershipLapsed();
      forget(owned.stream().map(partition -> new TopicPartition(topic.name(), partition)).toList());
      consumer.enforceRebalance("ownership lease lapsed");
    }
    polledAt = now;
  }

  private final class Ownership implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
      long start = nanoTime.getAsLong();
      consumer.seekToBeginning(assigned);
      consumer
          .endOffsets(assigned)
          .forEach(
              (partition, end) -> {
                if (end > 0) {
                  loadingUntil.put(partition, end);
                }
              });
      assigned.forEach(p -> owned.add(p.partition()));
      LOG.infof("delivery queue: working partitions %s", assigned);
      inCallbacks += nanoTime.getAsLong() - start;
    }

    /**
     * Before a partition goes to another instance (or back to this one, re-read), the attempts
     * under way on it finish and their outcome is written: the next owner then reads the ledger
     * entry and the tombstone of a delivered alert instead of sending it again.
     */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
      long start = nanoTime.getAsLong();
      awaitAttempts(forget(revoked));
      inCallbacks += nanoTime.getAsLong() - start;
    }

    /** Lost, not handed over: another instance may already work them, so nothing to wait for. */
    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
      forget(lost);
    }
  }

  /** Longest wait for attempts under way on revoked partitions (one attempt and its writes). */
  static final Duration HANDOVER_WAIT = Duration.ofSeconds(45);

  /**
   * Drops the partitions' deliveries from the schedule; returns those with an attempt under way.
   */
  private List<Tracked> forget(Collection<TopicPartition> partitions) {
    List<Tracked> underWay = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      owned.remove(partition.partition());
      loadingUntil.remove(partition);
      pending
          .entrySet()
          .removeIf(
              e -> {
                if (e.getValue().partition != partition.partition()) {
                  return false;
                }
                cancel(e.getValue());
                if (e.getValue().inFlight) {
                  underWay.add(e.getValue());
                }
                return true;
              });
    }
    return underWay;
  }

  private static void awaitAttempts(List<Tracked> underWay) {
    long deadline = System.nanoTime() + HANDOVER_WAIT.toNanos();
    for (Tracked tracked : underWay) {
      Future<?> attempt = tracked.attempt;
      if (attempt == null) {
        continue;
      }
      try {
        attempt.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException
          | TimeoutException
          | java.util.concurrent.CancellationException e) {
        LOG.warnf(
            "delivery %s: attempt still under way at hand-over (%s); the next owner may send it"
                + " again",
            tracked.delivery.alertId(), e.getClass().getSimpleName());
      }
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    String alertId = record.key();
    if (alertId == null) {
      return;
    }
    if (record.value() == null) {
      Tracked gone = pending.remove(alertId);
      if (gone != null) {
        cancel(gone);
      }
      return;
    }
    PendingDelivery delivery;
    try {
      delivery =
          DeliveryWire.fromWire(
              deliveries.deserializer().deserialize(topic.name(), record.value()));
    } catch (RuntimeException e) {
      LOG.errorf("skipping unreadable delivery %s: %s", alertId, e.getMessage());
      return;
    }
    Tracked known = pending.get(alertId);
    if (known != null && delivery.attempts() <= known.delivery.attempts()) {
      return; // our own write read back, or an older state
    }
    Tracked tracked = new Tracked(record.partition(), delivery);
    if (known != null) {
      cancel(known);
    }
    pending.put(alertId, tracked);
    if (!loadingUntil.containsKey(new TopicPartition(record.topic(), record.partition()))) {
      schedule(tracked);
    }
  }

  /** Partitions read up to where they ended at assignment: their deliveries can start. */
  private void finishLoading() {
    for (Map.Entry<TopicPartition, Long> loading : List.copyOf(loadingUntil.entrySet())) {
      if (consumer.position(loading.getKey()) >= loading.getValue()) {
        loadingUntil.remove(loading.getKey());
        int partition = loading.getKey().partition();
        int count = 0;
        for (Tracked tracked : pending.values()) {
          if (tracked.partition == partition && tracked.due == null && !tracked.inFlight) {
            schedule(tracked);
            count++;
          }
        }
        LOG.infof(
            "delivery queue: partition %s loaded, %d deliveries pending", loading.getKey(), count);
      }
    }
  }

  // ---- attempts --------------------------------------------------------------------------------

  private void schedule(Tracked tracked) {
    long delay =
        Math.max(0, Duration.between(clock.instant(), tracked.delivery.nextAttemptAt()).toMillis());
    tracked.due = timer.schedule(() -> launch(tracked), delay, TimeUnit.MILLISECONDS);
  }

  private static void cancel(Tracked tracked) {
    ScheduledFuture<?> due = tracked.due;
    if (due != null) {
      due.cancel(false);
    }
  }

  private void launch(Tracked tracked) {
    if (!running || pending.get(tracked.delivery.alertId()) != tracked || tracked.inFlight) {
      return; // finished, replaced, taken into a digest, or its partition moved away
    }
    if (nanoTime.getAsLong() - polledAt > OWNERSHIP_LEASE.toNanos()) {
      // Not sent until the poller confirms the partition is still ours (renewLease).
      tracked.due =
          timer.schedule(() -> launch(tracked), LEASE_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    if (tracked.delivery.inDigest()) {
      List<Tracked> batch = digestOf(tracked);
      // Known to every alert of it before it runs, so a hand-over cannot miss it.
      FutureTask<Void> attempt = new FutureTask<>(() -> attemptDigest(batch), null);
      batch.forEach(t -> t.attempt = attempt);
      attemptThreads.execute(attempt);
      return;
    }
    FutureTask<Void> attempt = new FutureTask<>(() -> attempt(tracked), null);
    tracked.attempt = attempt;
    tracked.inFlight = true;
    attemptThreads.execute(attempt);
  }

  /** Most alerts in one digest webhook; the rest of a busy window go out in further digests. */
  static final int MAX_DIGEST_ALERTS = 500;

  /**
   * The alerts that go out in one digest with {@code lead}: same subscription and window, and the
   * same digest id (none yet, or the one of an earlier attempt), not already under way. They all
   * share {@code lead}'s partition, so this instance holds every one of them. Runs on the timer
   * thread, so two digests cannot take the same alert.
   */
  private List<Tracked> digestOf(Tracked lead) {
    PendingDelivery d = lead.delivery;
    List<Tracked> batch = new ArrayList<>();
    batch.add(lead);
    lead.inFlight = true;
    for (Tracked other : pending.values()) {
      if (batch.size() >= MAX_DIGEST_ALERTS) {
        break;
      }
      PendingDelivery o = other.delivery;
      if (other != lead
          && !other.inFlight
          && other.partition == lead.partition
          && o.subscriptionId().equals(d.subscriptionId())
          && d.digestWindow().equals(o.digestWindow())
          && java.util.Objects.equals(d.digestId(), o.digestId())) {
        other.inFlight = true;
        cancel(other);
        batch.add(other);
      }
    }
    return batch;
  }

  /**
   * One attempt of a digest. A first attempt writes the digest id to every alert of it before
   * sending, so after a restart the same alerts go out again under the same id, whatever alerts of
   * the window arrived meanwhile.
   */
  private void attemptDigest(List<Tracked> batch) {
    try {
      List<PendingDelivery> alerts = batch.stream().map(t -> t.delivery).toList();
      if (alerts.get(0).digestId() == null) {
        String digestId = DigestPayload.digestId(alerts);
        alerts = alerts.stream().map(a -> a.sentIn(digestId)).toList();
        List<Future<RecordMetadata>> writes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).delivery = alerts.get(i);
          writes.add(producer.send(record(alerts.get(i))));
        }
        for (Future<RecordMetadata> write : writes) {
          await(write);
        }
      }
      List<DeliveryStep> steps;
      inFlight.acquire();
      try {
        steps = worker.attemptDigest(alerts);
      } finally {
        inFlight.release();
      }
      for (int i = 0; i < batch.size(); i++) {
        carryOutOrPostpone(batch.get(i), steps.get(i));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      for (Tracked tracked : batch) {
        postponeAfterFailure(tracked, e);
      }
    }
  }

  private void carryOutOrPostpone(Tracked tracked, DeliveryStep step) {
    try {
      carryOut(tracked, step);
    } catch (RuntimeException e) {
      if (step instanceof DeliveryStep.Delivered delivered) {
        recordLater(tracked, delivered, e);
      } else {
        postponeAfterFailure(tracked, e);
      }
    }
  }

  /**
   * The webhook answered 2xx but writing that down failed (Kafka unreachable, as with two of three
   * brokers down): the alert is delivered, so what is tried again is the writing, never the
   * webhook, which would repeat an alert the subscriber has (TwoBrokersDownScenario caught one).
   * The delivery stays in flight meanwhile, so no timer of this instance sends it; an instance that
   * takes the partition over before the writing succeeds does not know, and sends it again, the
   * at-least-once case of a kill.
   */
  private void recordLater(Tracked tracked, DeliveryStep.Delivered delivered, RuntimeException e) {
    LOG.errorf(
        e,
        "delivery %s: delivered, but cannot record it; recording again in %s",
        delivered.delivery().alertId(),
        WRITE_FAILURE_RETRY);
    if (!running) {
      return;
    }
    timer.schedule(
        () ->
            attemptThreads.execute(
                () -> {
                  try {
                    recordDelivered(tracked, delivered);
                  } catch (RuntimeException again) {
                    recordLater(tracked, delivered, again);
                  }
                }),
        WRITE_FAILURE_RETRY.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void postponeAfterFailure(Tracked tracked, RuntimeException e) {
    PendingDelivery delivery = tracked.delivery;
    LOG.errorf(
        e,
        "delivery %s: cannot record its outcome; trying again in %s",
        delivery.alertId(),
        WRITE_FAILURE_RETRY);
    if (running && pending.get(delivery.alertId()) == tracked) {
      tracked.delivery = delivery.postponed(clock.instant().plus(WRITE_FAILURE_RETRY));
      tracked.inFlight = false;
      schedule(tracked);
    }
  }

  private void attempt(Tracked tracked) {
    PendingDelivery delivery = tracked.delivery;
    DeliveryStep step;
    try {
      inFlight.acquire();
      try {
        step = worker.attempt(delivery);
      } finally {
        inFlight.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      postponeAfterFailure(tracked, e);
      return;
    }
    carryOutOrPostpone(tracked, step);
  }

  private void carryOut(Tracked tracked, DeliveryStep step) {
    metrics.stepped(step);
    PendingDelivery d = step.delivery();
    switch (step) {
      case DeliveryStep.Delivered delivered -> {
        logAttempt(d, delivered.result(), "delivered");
        recordDelivered(tracked, delivered);
      }
      case DeliveryStep.AlreadyDelivered already -> finish(tracked, d);
      case DeliveryStep.Dropped dropped -> {
        LOG.infof(
            "delivery %s dropped: subscription %s was deleted", d.alertId(), d.subscriptionId());
        finish(tracked, d);
      }
      case DeliveryStep.Retry retry -> {
        logAttempt(d, retry.result(), "retrying");
        await(producer.send(record(d)));
        again(tracked, d);
      }
      case DeliveryStep.Postponed postponed -> {
        await(producer.send(record(d)));
        again(tracked, d);
      }
      case DeliveryStep.GiveUp giveUp -> {
        if (giveUp.result() != null) {
          logAttempt(
              d, giveUp.result(), giveUp.result().status() == 410 ? "gone" : "dead-lettered");
        }
        await(producer.send(record(TopicCatalog.ALERTS_DEAD_LETTER.name(), d, giveUp.reason())));
        LOG.warnf(
            "delivery %s to subscription %s given up: %s",
            d.alertId(), d.subscriptionId(), giveUp.reason());
        event(
            "alert.dead-lettered",
            d,
            "alert "
                + d.alertId()
                + " given up after "
                + d.attempts()
                + " attempts: "
                + giveUp.reason());
        if (giveUp.disableSubscription()) {
          disableSubscription.accept(d.subscriptionId());
          event(
              "subscription.disabled",
              d,
              "subscription " + d.subscriptionId() + " disabled: " + giveUp.reason());
        }
        finish(tracked, d);
      }
    }
  }

  /** What a 2xx leaves to write: the delivered copy, the ledger entry, the queue's tombstone. */
  private void recordDelivered(Tracked tracked, DeliveryStep.Delivered delivered) {
    PendingDelivery d = delivered.delivery();
    // Kept for replays first: once the ledger has it, no instance delivers it again.
    await(producer.send(record(TopicCatalog.ALERTS_DELIVERED.name(), d, null)));
    ledger.recordDelivered(alert(d, delivered));
    finish(tracked, d);
  }

  /** Done with a delivery: its tombstone, so no instance works on it again. */
  private void finish(Tracked tracked, PendingDelivery d) {
    await(
        producer.send(
            new ProducerRecord<>(
                topic.name(), partitionOf(topic.name(), d.subscriptionId()), d.alertId(), null)));
    pending.remove(d.alertId(), tracked);
  }

  private void again(Tracked tracked, PendingDelivery d) {
    tracked.delivery = d;
    tracked.inFlight = false;
    if (running && pending.get(d.alertId()) == tracked) {
      schedule(tracked);
    }
  }

  private static Alert alert(PendingDelivery d, DeliveryStep.Delivered delivered) {
    return Alert.newBuilder()
        .setAlertId(d.alertId())
        .setSubscriptionId(d.subscriptionId())
        .setTenantId(d.tenantId())
        .setClusterId(d.clusterId())
        .setTopicId(d.topicId())
        .setArticleId(d.articleId())
        .setTitle(d.title())
        .setUrl(d.url())
        .setScore(d.score())
        .setCreatedAt(d.createdAt())
        .setDeliveredAt(delivered.at())
        .setHttpStatus(delivered.result().status())
        .build();
  }

  private void logAttempt(PendingDelivery d, DeliveryResult result, String outcome) {
    DeliveryAttempt attempt =
        DeliveryAttempt.newBuilder()
            .setAlertId(d.alertId())
            .setSubscriptionId(d.subscriptionId())
            .setTenantId(d.tenantId())
            .setAttempt(d.attempts())
            .setAt(clock.instant())
            .setStatus(result.status() == 0 ? null : result.status())
            .setLatencyMillis(result.latencyMillis())
            .setError(result.error())
            .setOutcome(outcome)
            .build();
    String name = TopicCatalog.ALERTS_ATTEMPTS.name();
    producer.send(
        new ProducerRecord<>(
            name, d.subscriptionId(), attempts.serializer().serialize(name, attempt)),
        (metadata, e) -> {
          if (e != null) {
            LOG.warnf("cannot log attempt of %s: %s", d.alertId(), e.getMessage());
          }
        });
  }

  private void event(String kind, PendingDelivery d, String message) {
    OpsEvent event =
        OpsEvent.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setKind(kind)
            .setAt(clock.instant())
            .setTenantId(d.tenantId())
            .setSubscriptionId(d.subscriptionId())
            .setAlertId(d.alertId())
            .setMessage(message)
            .build();
    String name = TopicCatalog.OPS_EVENTS.name();
    producer.send(
        new ProducerRecord<>(name, event.getEventId(), events.serializer().serialize(name, event)),
        (metadata, e) -> {
          if (e != null) {
            LOG.errorf("cannot emit operational event %s (%s): %s", kind, message, e.getMessage());
          }
        });
  }

  private ProducerRecord<String, byte[]> record(PendingDelivery d) {
    return record(topic.name(), d, null);
  }

  private ProducerRecord<String, byte[]> record(
      String topicName, PendingDelivery d, String reason) {
    return new ProducerRecord<>(
        topicName,
        partitionOf(topicName, d.subscriptionId()),
        d.alertId(),
        deliveries.serializer().serialize(topicName, DeliveryWire.toWire(d, reason)));
  }

  /**
   * A subscription's deliveries share a partition in every delivery topic: one instance paces its
   * endpoint, and its history is read from one partition.
   */
  private int partitionOf(String topicName, String subscriptionId) {
    int count = partitionCounts.computeIfAbsent(topicName, t -> producer.partitionsFor(t).size());
    return DeliveryHistory.partitionOf(subscriptionId, count);
  }

  private static void await(Future<RecordMetadata> write) {
    try {
      write.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing a delivery", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot write a delivery: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    poller.join(10_000);
    timer.shutdownNow();
    attemptThreads.shutdown();
    attemptThreads.awaitTermination(5, TimeUnit.SECONDS);
    producer.close(Duration.ofSeconds(5));
  }
}
