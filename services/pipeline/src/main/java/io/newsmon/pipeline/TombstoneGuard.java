package io.newsmon.pipeline;

import io.newsmon.pipeline.clean.RejectedArticleException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Wraps a stage so that a record without a value (a tombstone some other producer wrote to its
 * input topic) is refused as {@code empty} and dead-lettered with that reason, instead of surfacing
 * as a {@code processing_error} from a NullPointerException deep inside the stage.
 */
final class TombstoneGuard<K, V, R> implements FixedKeyProcessor<K, V, R> {

  private final FixedKeyProcessor<K, V, R> stage;
  private final String topic;

  TombstoneGuard(FixedKeyProcessor<K, V, R> stage, String topic) {
    this.stage = stage;
    this.topic = topic;
  }

  @Override
  public void init(FixedKeyProcessorContext<K, R> context) {
    stage.init(context);
  }

  @Override
  public void process(FixedKeyRecord<K, V> record) {
    if (record.value() == null) {
      throw new RejectedArticleException(
          RejectedArticleException.Reason.EMPTY, "null record value (a tombstone) on " + topic);
    }
    stage.process(record);
  }

  @Override
  public void close() {
    stage.close();
  }
}
