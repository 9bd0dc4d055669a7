package io.newsmon.alerts.kafka;

import io.newsmon.avro.TopicSpike;
import io.newsmon.schema.AvroSerde;

/** The shared Avro serde as a no-argument class, for Kafka client configuration by class name. */
public final class TopicSpikeDeserializer extends AvroSerde<TopicSpike> {
  public TopicSpikeDeserializer() {
    super(TopicSpike.class);
  }
}
