package io.newsmon.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How a newsmon process tells its launcher it is ready and where it listens: a small properties
 * file written atomically (rename), so a reader never sees half of it.
 */
public final class ReadyFile {

  private ReadyFile() {}

  public static void write(Path file, Map<String, String> values) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Properties props = new Properties();
      props.putAll(new TreeMap<>(values));
      StringWriter text = new StringWriter();
      props.store(text, null);
      Path tmp = Files.createTempFile(parent, ".ready", ".tmp");
      Files.writeString(tmp, text.toString());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ready file " + file, e);
    }
  }

  /** The file's values, or null while it does not exist. */
  public static Properties read(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
      return props;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ready file " + file, e);
    }
  }
}
