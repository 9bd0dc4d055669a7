package io.newsmon.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Resolves an API key to its tenant from configured {@code tenant:sha256hex} entries. */
public final class ApiKeys {

  private final Map<String, byte[]> hashByTenant = new LinkedHashMap<>();

  public ApiKeys(List<String> entries) {
    for (String entry : entries) {
      String[] parts = entry.strip().split(":", 2);
      if (parts.length != 2 || parts[0].isBlank() || !parts[1].matches("(?i)[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "API key entries are tenant:sha256hex; got an entry for '"
                + (parts.length > 0 ? parts[0] : "")
                + "' that is not");
      }
      hashByTenant.put(parts[0], HexFormat.of().parseHex(parts[1].toLowerCase(Locale.ROOT)));
    }
  }

  /** The tenant owning {@code key}, if any. Every configured hash is compared, in constant time. */
  public Optional<String> tenantOf(String key) {
    if (key == null || key.isEmpty()) {
      return Optional.empty();
    }
    byte[] hash = Hashes.sha256(key.getBytes(StandardCharsets.UTF_8));
    String found = null;
    for (Map.Entry<String, byte[]> entry : hashByTenant.entrySet()) {
      if (MessageDigest.isEqual(hash, entry.getValue())) {
        found = entry.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  public static String hash(String key) {
    return Hashes.sha256Hex(key);
  }
}
