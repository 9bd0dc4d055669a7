package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/configuration.md, the configuration reference, lists exactly the settings the services
 * define: a setting added to a service without a line there, or a line left for a setting removed,
 * fails here.
 */
class ConfigurationDocsTest {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  @Test
  void thePipelineTableListsEveryConfigDefName() {
    assertThat(firstColumn("Pipeline"))
        .containsExactlyInAnyOrderElementsOf(ServiceSettings.pipeline().properties());
  }

  @Test
  void theQuarkusTablesListEveryMappedPropertyAndOnlyVariablesTheServicesRead() {
    for (var section : Map.of("Alert service", "alerts", "Ingest service", "ingest").entrySet()) {
      ServiceSettings settings = ServiceSettings.byName(section.getValue());
      List<List<String>> rows = rows(section.getKey());
      Set<String> documented = new TreeSet<>();
      for (List<String> row : rows) {
        String property = code(row.get(0)).get(0);
        documented.add(property);
        assertThat(settings.properties()).as(section.getKey()).contains(property);
        for (String variable : code(row.get(1))) {
          assertThat(settings.accepts(variable))
              .as("%s: %s (for %s) is read by the service", section.getKey(), variable, property)
              .isTrue();
        }
      }
      assertThat(documented)
          .as(section.getKey() + ": every newsmon property")
          .containsAll(
              settings.properties().stream().filter(p -> p.startsWith("newsmon.")).toList());
    }
  }

  @Test
  void variablesOfEveryServiceAreReadByEach() {
    for (List<String> row : rows("Every service")) {
      String variable = code(row.get(0)).get(0);
      for (String service : List.of("pipeline", "alerts", "ingest")) {
        assertThat(ServiceSettings.byName(service).accepts(variable))
            .as("%s reads %s", service, variable)
            .isTrue();
      }
    }
  }

  @Test
  void theUpTableListsEveryOptionOfUp() {
    Set<String> options = new TreeSet<>();
    new CommandLine(new Newsmon.Up())
        .getCommandSpec()
        .options()
        .forEach(o -> options.add(o.longestName()));
    assertThat(firstColumn("`./newsmon up`").stream().filter(c -> c.startsWith("--")).toList())
        .containsExactlyInAnyOrderElementsOf(options);
  }

  private static List<String> firstColumn(String section) {
    return rows(section).stream().map(r -> code(r.get(0)).get(0)).toList();
  }

  /** The table rows (cells) of a {@code ## section}, header and rule left out. */
  private static List<List<String>> rows(String section) {
    String text = ServiceSettings.readString(ServiceSettings.HOME.resolve("docs/configuration.md"));
    Map<String, String> sections = new LinkedHashMap<>();
    for (String part : text.split("\n## ")) {
      int end = part.indexOf('\n');
      sections.put(part.substring(0, end).strip(), part.substring(end + 1));
    }
    assertThat(sections).as("docs/configuration.md sections").containsKey(section);
    List<List<String>> rows = new ArrayList<>();
    boolean header = true;
    for (String line : sections.get(section).split("\n")) {
      if (!line.startsWith("|")) {
        header = true;
        continue;
      }
      if (header || line.startsWith("| ---")) {
        header = line.startsWith("| ---") ? false : header;
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
        cells.add(cell.strip());
      }
      rows.add(cells);
    }
    assertThat(rows).as(section + " has a table").isNotEmpty();
    return rows;
  }

  private static List<String> code(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    assertThat(out).as("a name in backticks: " + cell).isNotEmpty();
    return out;
  }
}
