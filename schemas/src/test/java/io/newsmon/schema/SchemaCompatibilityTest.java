package io.newsmon.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when a change to {@code schemas/avro} would stop consumers from reading records
 * that producers of a released version wrote (backward compatibility), or when the release index
 * drifts from the files.
 */
class SchemaCompatibilityTest {

  private static final Path SCHEMAS = Path.of(System.getProperty("newsmon.schemas.dir", "."));

  @Test
  void currentSchemasReadEveryReleasedVersion() {
    Map<String, Schema> current = currentSchemas();
    Map<String, Schema> released = ReleasedSchemas.all();
    assertThat(released).isNotEmpty();

    for (Map.Entry<String, Schema> old : released.entrySet()) {
      Schema writer = old.getValue();
      Schema reader = current.get(writer.getFullName());
      assertThat(reader)
          .as("released type %s was removed from schemas/avro", old.getKey())
          .isNotNull();
      var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
      assertThat(result.getType())
          .as(
              "current %s cannot read records written with released %s: %s",
              writer.getFullName(), old.getKey(), result.getResult().getIncompatibilities())
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @Test
  void everyCurrentTypeHasBeenReleased() {
    Set<String> releasedNames =
        ReleasedSchemas.all().values().stream()
            .map(Schema::getFullName)
            .collect(Collectors.toSet());
    assertThat(releasedNames)
        .as("a new record type needs a copy in schemas/released/<next>/ and the index")
        .containsAll(currentSchemas().keySet());
  }

  @Test
  void releaseIndexListsExactlyTheFilesOnDisk() throws IOException {
    Properties index = new Properties();
    try (var in = Files.newInputStream(SCHEMAS.resolve("released/index.properties"))) {
      index.load(in);
    }
    for (String version : index.stringPropertyNames()) {
      Set<String> listed =
          Stream.of(index.getProperty(version).split(","))
              .map(String::trim)
              .collect(Collectors.toCollection(TreeSet::new));
      try (Stream<Path> files = Files.list(SCHEMAS.resolve("released").resolve(version))) {
        Set<String> onDisk =
            files
                .map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".avsc"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).as("index of released version %s", version).isEqualTo(onDisk);
      }
    }
  }

  @Test
  void aFieldWithoutDefaultIsReportedIncompatible() {
    // Guards the guard: the check above must catch the most common breaking change.
    Schema writer =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
    Schema reader =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
                    + "{\"name\":\"b\",\"type\":\"string\"}]}");
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType())
        .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }

  private static Map<String, Schema> currentSchemas() {
    try (Stream<Path> files = Files.list(SCHEMAS.resolve("avro"))) {
      List<String> sources =
          files
              .filter(p -> p.toString().endsWith(".avsc"))
              .sorted()
              .map(SchemaCompatibilityTest::read)
              .toList();
      return ReleasedSchemas.parseAll(sources).stream()
          .collect(Collectors.toMap(Schema::getFullName, Function.identity()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
