package io.newsmon.schema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The one Kafka serde for every newsmon record type: Avro single-object encoding, reading older
 * released writer schemas of the same type.
 *
 * <p>Failures surface as Kafka's {@link SerializationException} with the reason in the message, so
 * Kafka Streams' deserialization handler can route the record to the dead-letter topic.
 *
 * @param <T> a generated Avro record class
 */
public class AvroSerde<T extends SpecificRecord>
    implements Serde<T>, Serializer<T>, Deserializer<T> {

  static {
    trustGeneratedTypes();
  }

  private final Class<T> type;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  public AvroSerde(Class<T> type) {
    this.type = type;
    // A model bound to the record class's own class loader: Avro otherwise resolves record classes
    // by name through another loader, which breaks in containers with layered class loaders
    // (Quarkus), where the same class name is loaded twice.
    SpecificData generated = SpecificData.getForClass(type);
    SpecificData model = new SpecificData(type.getClassLoader());
    generated.getConversions().forEach(model::addLogicalTypeConversion);
    Schema current = generated.getSchema(type);
    this.encoder = new BinaryMessageEncoder<>(model, current);
    this.decoder = new BinaryMessageDecoder<>(model, current);
    for (Map.Entry<String, Schema> released : ReleasedSchemas.all().entrySet()) {
      if (released.getValue().getFullName().equals(current.getFullName())) {
        decoder.addSchema(released.getValue());
      }
    }
  }

  /**
   * Avro 1.12 refuses to instantiate classes it has not been told to trust (a guard against gadget
   * classes named in hostile schemas). Our generated package is the only one we need. Idempotent;
   * called by every serde, and by code that builds records before any serde exists.
   */
  public static synchronized void trustGeneratedTypes() {
    ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
    if (!current.isTrusted(io.newsmon.avro.RawArticle.class)) {
      ClassSecurityValidator.setGlobal(
          ClassSecurityValidator.composite(
              current, type -> GENERATED_PACKAGE.equals(type.getPackageName())));
    }
  }

  private static final String GENERATED_PACKAGE = "io.newsmon.avro";

  public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return new AvroSerde<>(type);
  }

  public Class<T> type() {
    return type;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null; // tombstone
    }
    try {
      ByteBuffer buffer = encoder.encode(data);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | AvroRuntimeException | NullPointerException e) {
      throw new SerializationException(
          "cannot encode " + type.getSimpleName() + " for topic " + topic + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null; // tombstone
    }
    try {
      return decoder.decode(data);
    } catch (BadHeaderException e) {
      throw new SerializationException(
          "not an Avro single-object record ("
              + data.length
              + " bytes) on topic "
              + topic
              + ": expected a "
              + type.getSimpleName(),
          e);
    } catch (MissingSchemaException e) {
      throw new SerializationException(
          "unknown writer schema on topic "
              + topic
              + " for "
              + type.getSimpleName()
              + ": "
              + e.getMessage(),
          e);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "corrupt " + type.getSimpleName() + " record on topic " + topic + ": " + e, e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    // Nothing to configure: the record type fixes the schema.
  }

  @Override
  public void close() {}
}
