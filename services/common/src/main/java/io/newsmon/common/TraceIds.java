package io.newsmon.common;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Trace ids: one per article, chosen by its producer, carried in the record and in the {@value
 * #HEADER} Kafka header through every stage, so an article can be followed from ingest to webhook.
 */
public final class TraceIds {

  /** The Kafka header every newsmon record of an article carries. */
  public static final String HEADER = "newsmon-trace-id";

  private static final SecureRandom RANDOM = new SecureRandom();

  private TraceIds() {}

  /** A new random id in the W3C trace-context form: 16 bytes as 32 lower-case hex digits. */
  public static String newId() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
