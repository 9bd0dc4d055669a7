package io.newsmon.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/**
 * Every schema version newsmon has released, so readers can decode records written by older
 * producers. The versions live in {@code schemas/released/<version>/*.avsc}; the jar carries an
 * index ({@code newsmon/schemas/released/index.properties}) because a classpath cannot be listed.
 */
public final class ReleasedSchemas {

  private static final String ROOT = "newsmon/schemas/released/";

  private ReleasedSchemas() {}

  /** Every released version of every record type, keyed by "version/FullName". */
  public static Map<String, Schema> all() {
    Properties index = new Properties();
    try (InputStream in = resource(ROOT + "index.properties")) {
      index.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read released schema index", e);
    }
    Map<String, Schema> result = new LinkedHashMap<>();
    for (String version : index.stringPropertyNames().stream().sorted().toList()) {
      List<String> sources = new ArrayList<>();
      for (String file : index.getProperty(version).split(",")) {
        try (InputStream in = resource(ROOT + version + "/" + file.trim())) {
          sources.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read released schema " + version + "/" + file, e);
        }
      }
      for (Schema schema : parseAll(sources)) {
        result.put(version + "/" + schema.getFullName(), schema);
      }
    }
    return result;
  }

  /** Parses schema sources that may name each other, in any order; returns their main schemas. */
  public static List<Schema> parseAll(Collection<String> sources) {
    SchemaParser parser = new SchemaParser();
    List<SchemaParser.ParseResult> results = new ArrayList<>();
    for (String source : sources) {
      results.add(parser.parse(source));
    }
    // References between files are resolved only once every file has been read.
    List<Schema> parsed = new ArrayList<>();
    for (SchemaParser.ParseResult result : results) {
      parsed.add(parser.resolve(result));
    }
    return parsed;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = ReleasedSchemas.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing classpath resource " + name);
    }
    return in;
  }
}
