package io.newsmon.pipeline.clean;

import io.newsmon.pipeline.clean.RejectedArticleException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/** Turns payload bytes into text, refusing what is not text. */
final class Payloads {

  /** Larger pages exist, but no news article needs more; beyond this is a crawler accident. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private Payloads() {}

  static String decode(byte[] payload, String declaredCharset) {
    if (payload.length == 0) {
      throw new RejectedArticleException(Reason.EMPTY, "empty payload");
    }
    if (payload.length > MAX_BYTES) {
      throw new RejectedArticleException(
          Reason.TOO_LARGE, payload.length + " bytes exceeds the limit of " + MAX_BYTES);
    }
    if (looksBinary(payload)) {
      throw new RejectedArticleException(
          Reason.BINARY, "payload contains binary data (NUL or control bytes)");
    }
    Charset charset = charset(declaredCharset);
    int offset = 0;
    if (payload.length >= 3
        && (payload[0] & 0xFF) == 0xEF
        && (payload[1] & 0xFF) == 0xBB
        && (payload[2] & 0xFF) == 0xBF) {
      charset = StandardCharsets.UTF_8;
      offset = 3;
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(payload, offset, payload.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      if (declaredCharset == null) {
        // Undeclared and not UTF-8: most such legacy pages are Windows-1252, which maps every byte.
        return new String(payload, Charset.forName("windows-1252"));
      }
      throw new RejectedArticleException(
          Reason.UNDECODABLE, "bytes are not valid " + charset.name() + " as declared");
    }
  }

  private static Charset charset(String declared) {
    if (declared == null || declared.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(declared.trim());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new RejectedArticleException(Reason.UNDECODABLE, "unknown charset '" + declared + "'");
    }
  }

  private static boolean looksBinary(byte[] payload) {
    int sample = Math.min(payload.length, 8192);
    int control = 0;
    for (int i = 0; i < sample; i++) {
      int b = payload[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (b < 0x09 || (b > 0x0D && b < 0x20)) {
        control++;
      }
    }
    return control * 20 > sample; // more than 5 % control bytes
  }
}
