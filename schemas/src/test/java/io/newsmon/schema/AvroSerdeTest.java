package io.newsmon.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.avro.RawArticle;
import io.newsmon.avro.Subscription;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private final AvroSerde<RawArticle> serde = AvroSerde.of(RawArticle.class);

  @Test
  void roundTripsARecord() {
    RawArticle raw = raw();
    byte[] bytes = serde.serialize("news.raw", raw);
    assertThat(serde.deserialize("news.raw", bytes)).isEqualTo(raw);
  }

  @Test
  void writesSingleObjectEncodingWithFingerprint() {
    byte[] bytes = serde.serialize("news.raw", raw());
    // Avro single-object marker C3 01, then the 8-byte schema fingerprint.
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(bytes.length).isGreaterThan(10);
  }

  @Test
  void nullIsATombstoneBothWays() {
    assertThat(serde.serialize("t", null)).isNull();
    assertThat(serde.deserialize("t", null)).isNull();
  }

  @Test
  void garbageFailsWithAClearSerializationException() {
    assertThatThrownBy(
            () -> serde.deserialize("news.raw", "<html>hello".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not an Avro single-object record")
        .hasMessageContaining("news.raw");
  }

  @Test
  void aRecordOfAnotherTypeIsRefused() {
    Subscription sub =
        Subscription.newBuilder()
            .setSubscriptionId("s")
            .setTenantId("t")
            .setTopicIds(List.of("x"))
            .setWebhookUrl("http://x")
            .setSigningSecret("whsec_x")
            .setStatus(io.newsmon.avro.SubscriptionStatus.ACTIVE)
            .setMinScore(0)
            .setCreatedAt(Instant.EPOCH)
            .setUpdatedAt(Instant.EPOCH)
            .build();
    byte[] bytes = AvroSerde.of(Subscription.class).serialize("t", sub);
    assertThatThrownBy(() -> serde.deserialize("news.raw", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown writer schema");
  }

  @Test
  void truncatedRecordIsRefused() {
    byte[] bytes = serde.serialize("news.raw", raw());
    byte[] truncated = ByteBuffer.wrap(bytes, 0, 14).slice().array();
    byte[] cut = java.util.Arrays.copyOf(truncated, 14);
    assertThatThrownBy(() -> serde.deserialize("news.raw", cut))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("RawArticle");
  }

  private static RawArticle raw() {
    return RawArticle.newBuilder()
        .setArticleId("a1")
        .setSourceId("file")
        .setUrl("https://example.org/a")
        .setContentType("text/plain")
        .setPayload(ByteBuffer.wrap("Hello".getBytes(StandardCharsets.UTF_8)))
        .setIngestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .setTraceId("t1")
        .build();
  }
}
