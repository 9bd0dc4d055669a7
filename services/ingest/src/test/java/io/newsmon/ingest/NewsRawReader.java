package io.newsmon.ingest;

import io.newsmon.avro.RawArticle;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything on {@code news.raw}, read from the beginning, for tests to count and inspect. */
public final class NewsRawReader implements AutoCloseable {

  private final KafkaConsumer<String, RawArticle> consumer;
  private final List<ConsumerRecord<String, RawArticle>> records = new ArrayList<>();

  public NewsRawReader(String bootstrapServers) {
    this(KafkaConnection.of(bootstrapServers));
  }

  public NewsRawReader(KafkaConnection kafka) {
    consumer =
        new KafkaConsumer<>(
            kafka.clientConfig(
                Map.of(
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                    "read_committed")),
            new StringDeserializer(),
            AvroSerde.of(RawArticle.class).deserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(TopicCatalog.NEWS_RAW.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Every record so far, after reading what arrived since the last call. */
  public synchronized List<ConsumerRecord<String, RawArticle>> records() {
    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    return List.copyOf(records);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
