package io.newsmon.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three broker processes, replication factor 3, min.insync.replicas 2: a broker SIGKILLed under
 * load loses and duplicates nothing (nor commits a transaction twice or shows an aborted one), and
 * with two brokers gone acks=all is refused, not answered. One cluster for all tests (starting
 * three JVMs is the slow part); each test leaves it whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalKafkaClusterIT {

  private static final String RAW = TopicCatalog.NEWS_RAW.name();

  @TempDir static Path root;

  private LocalKafkaCluster cluster;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = LocalKafkaCluster.start(root, 3);
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void wholeCluster() throws Exception {
    cluster.awaitFullIsr(Duration.ofSeconds(60));
  }

  @Test
  void everyTopicHasThreeReplicasAndNeedsTwoInSync() throws Exception {
    var admin = cluster.admin();
    assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
        .extracting(Node::id)
        .containsExactlyInAnyOrder(1, 2, 3);
    List<String> names = TopicCatalog.ALL.stream().map(TopicSpec::name).toList();
    Map<String, TopicDescription> topics =
        admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
    assertThat(topics.values())
        .allSatisfy(
            topic ->
                assertThat(topic.partitions())
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(3)));
    var raw = new ConfigResource(ConfigResource.Type.TOPIC, RAW);
    Config config = admin.describeConfigs(List.of(raw)).all().get(10, TimeUnit.SECONDS).get(raw);
    assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
    assertThat(config.get("unclean.leader.election.enable").value()).isEqualTo("false");
  }

  @Test
  void aBrokerKilledUnderLoadLosesAndDuplicatesNothing() throws Exception {
    int victim = cluster.leaderOfMostPartitions();
    String victimAddress = cluster.address(victim);
    long victimPid = cluster.pid(victim);
    try (NumberedProducer producer = new NumberedProducer(cluster.bootstrapServers());
        TransactionalProducer transactions =
            new TransactionalProducer(cluster.bootstrapServers())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> producer.acked().size() >= 300);

      cluster.kill(victim);
      assertThat(cluster.isRunning(victim)).isFalse();
      assertThat(ProcessHandle.of(victimPid).map(ProcessHandle::isAlive))
          .isNotEqualTo(java.util.Optional.of(true));
      int ackedAtKill = producer.acked().size();
      int committedAtKill = transactions.committed().size();
      cluster.awaitOutOfIsr(victim, Duration.ofSeconds(30));
      // Writes and transactions go on with one broker of three gone.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  producer.acked().size() >= ackedAtKill + 500
                      && transactions.committed().size() >= committedAtKill + 100);

      cluster.restart(victim);
      assertThat(cluster.address(victim)).isEqualTo(victimAddress);
      assertThat(cluster.pid(victim)).isNotEqualTo(victimPid);
      assertThat(
              cluster.admin().describeCluster().nodes().get(10, TimeUnit.SECONDS).stream()
                  .filter(n -> n.id() == victim)
                  .map(n -> n.host() + ":" + n.port()))
          .containsExactly(victimAddress);
      int ackedAtRestart = producer.acked().size();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> producer.acked().size() >= ackedAtRestart + 300);
      producer.finish();
      transactions.finish();

      assertThat(producer.failures()).as("errors the producer could not retry").isEmpty();
      assertThat(transactions.fatal()).as("fatal transactional errors").isEmpty();
      Map<Long, Integer> seen = readAll(RAW, "seq-");
      assertThat(seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
          .as("records written twice")
          .isEmpty();
      assertThat(producer.acked().stream().filter(seq -> !seen.containsKey(seq)))
          .as("acknowledged records lost")
          .isEmpty();
      assertThat(seen.keySet()).allMatch(seq -> seq < producer.sent());

      // read_committed: committed transactions exactly once, aborted ones never.
      Map<Long, Integer> seenInTransactions = readAll(RAW, "txn-");
      assertThat(
              seenInTransactions.entrySet().stream()
                  .filter(e -> e.getValue() > 1)
                  .map(Map.Entry::getKey))
          .as("transactional records written twice")
          .isEmpty();
      assertThat(seenInTransactions.keySet()).isEqualTo(transactions.committed());
      System.out.printf(
          "killed node %d; %d sent, %d acknowledged, %d read back; transactions: %d records"
              + " committed, %d aborted%n",
          victim,
          producer.sent(),
          producer.acked().size(),
          seen.size(),
          transactions.committed().size(),
          transactions.aborted().size());
    }
  }

  @Test
  void withTwoBrokersGoneAcksAllIsRefusedAndWorksAgainAfterRestart() throws Exception {
    int killed = 1;
    int stopped = 2;
    cluster.kill(killed);
    cluster.awaitOutOfIsr(killed, Duration.ofSeconds(30));
    // Stopped gracefully while two of three voters still form the controller quorum, the broker
    // leaves every ISR first: node 3 then leads everything with an ISR of itself alone. (Killed
    // instead, the quorum would be gone before the ISRs shrank, and writes would time out.)
    cluster.stop(stopped);

    try (KafkaProducer<String, String> producer = unretriedProducer()) {
      Throwable refused =
          catchThrowable(
              () ->
                  producer
                      .send(new ProducerRecord<>(RAW, 0, "min-isr", "refused"))
                      .get(30, TimeUnit.SECONDS));
      assertThat(refused)
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(NotEnoughReplicasException.class);

      cluster.restart(killed);
      cluster.restart(stopped);
      var accepted =
          producer
              .send(new ProducerRecord<>(RAW, 0, "min-isr", "accepted"))
              .get(30, TimeUnit.SECONDS);
      assertThat(accepted.offset()).isNotNegative();
    }
    List<String> values =
        readRecords(RAW).stream()
            .filter(r -> "min-isr".equals(r.key()))
            .map(ConsumerRecord::value)
            .toList();
    assertThat(values).containsExactly("accepted");
  }

  /** acks=all and no retries, so the broker's first answer is the outcome. */
  private KafkaProducer<String, String> unretriedProducer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            false,
            ProducerConfig.RETRIES_CONFIG,
            0,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            15_000),
        new StringSerializer(),
        new StringSerializer());
  }

  /**
   * How often each sequence number (of records keyed {@code keyPrefix}N) is in the topic, as a
   * read_committed consumer sees it.
   */
  private Map<Long, Integer> readAll(String topic, String keyPrefix) {
    Map<Long, Integer> counts = new HashMap<>();
    for (ConsumerRecord<String, String> record : readRecords(topic)) {
      if (record.key().startsWith(keyPrefix)) {
        counts.merge(Long.parseLong(record.value()), 1, Integer::sum);
      }
    }
    return counts;
  }

  private List<ConsumerRecord<String, String>> readRecords(String topic) {
    try (var consumer =
        new KafkaConsumer<String, String>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5_000),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        assertThat(System.nanoTime()).as("read to the end within 60 s").isLessThan(deadline);
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      return records;
    }
  }

  /**
   * Sends numbered records (idempotent, acks=all) as fast as a paced loop allows, remembering which
   * the brokers acknowledged and which failed for good.
   */
  private static final class NumberedProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final Set<Long> acked = ConcurrentHashMap.newKeySet();
    private final List<Exception> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong next = new AtomicLong();
    private final Thread loop;
    private volatile boolean running = true;

    NumberedProducer(String bootstrap) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrap,
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                  true,
                  ProducerConfig.LINGER_MS_CONFIG,
                  5),
              new StringSerializer(),
              new StringSerializer());
      loop = Thread.ofPlatform().name("numbered-producer").start(this::run);
    }

    private void run() {
      while (running) {
        long seq = next.getAndIncrement();
        try {
          producer.send(
              new ProducerRecord<>(RAW, "seq-" + seq, Long.toString(seq)),
              (metadata, error) -> {
                if (error == null) {
                  acked.add(seq);
                } else {
                  failures.add(error);
                }
              });
          // Pacing, not waiting for a condition: about 500 records a second is load enough.
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }
    }

    Set<Long> acked() {
      return acked;
    }

    List<Exception> failures() {
      return failures;
    }

    long sent() {
      return next.get();
    }

    /** Stops sending and waits for every record sent to be answered. */
    void finish() throws InterruptedException {
      running = false;
      loop.join();
      producer.flush();
    }

    @Override
    public void close() throws InterruptedException {
      finish();
      producer.close(Duration.ofSeconds(10));
    }
  }

  /**
   * Writes numbered records in small transactions, remembering which transactions committed and
   * which it aborted after an error the transaction could not survive; a fatal error (fenced, out
   * of sequence) ends it.
   */
  private static final class TransactionalProducer implements AutoCloseable {

    private static final int BATCH = 10;

    private final KafkaProducer<String, String> producer;
    private final Set<Long> committed = ConcurrentHashMap.newKeySet();
    private final Set<Long> aborted = ConcurrentHashMap.newKeySet();
    private final List<Exception> fatal = new CopyOnWriteArrayList<>();
    private final Thread loop;
    private volatile boolean running = true;

    TransactionalProducer(String bootstrap) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrap,
                  ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                  "local-kafka-cluster-it",
                  ProducerConfig.LINGER_MS_CONFIG,
                  5),
              new StringSerializer(),
              new StringSerializer());
      producer.initTransactions();
      loop = Thread.ofPlatform().name("transactional-producer").start(this::run);
    }

    private void run() {
      long next = 0;
      while (running) {
        List<Long> batch = java.util.stream.LongStream.range(next, next + BATCH).boxed().toList();
        next += BATCH;
        try {
          producer.beginTransaction();
          for (long seq : batch) {
            producer.send(new ProducerRecord<>(RAW, "txn-" + seq, Long.toString(seq)));
          }
          commit();
          committed.addAll(batch);
          Thread.sleep(20); // pacing
        } catch (InterruptedException e) {
          return;
        } catch (ProducerFencedException
            | OutOfOrderSequenceException
            | AuthorizationException
            | UnsupportedVersionException e) {
          fatal.add(e);
          return;
        } catch (KafkaException e) {
          try {
            producer.abortTransaction();
            aborted.addAll(batch);
          } catch (KafkaException abortFailed) {
            fatal.add(abortFailed);
            return;
          }
        }
      }
    }

    /** A commit that timed out may be retried: its outcome is then known. */
    private void commit() {
      for (int attempt = 1; ; attempt++) {
        try {
          producer.commitTransaction();
          return;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
          if (attempt == 5) {
            throw e;
          }
        }
      }
    }

    Set<Long> committed() {
      return committed;
    }

    Set<Long> aborted() {
      return aborted;
    }

    List<Exception> fatal() {
      return fatal;
    }

    void finish() throws InterruptedException {
      running = false;
      loop.join();
    }

    @Override
    public void close() throws InterruptedException {
      finish();
      producer.close(Duration.ofSeconds(10));
    }
  }
}
