package io.newsmon.alerts.kafka;

import io.newsmon.avro.FlaggedArticle;
import io.newsmon.schema.AvroSerde;

/** The shared Avro serde as a no-argument class, for Kafka client configuration by class name. */
public final class FlaggedArticleDeserializer extends AvroSerde<FlaggedArticle> {
  public FlaggedArticleDeserializer() {
    super(FlaggedArticle.class);
  }
}
