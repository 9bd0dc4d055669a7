package io.newsmon.cli;

import io.newsmon.common.Env;
import io.newsmon.common.KafkaConnection;
import io.newsmon.pipeline.PipelineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings each service really defines, read from where they are defined: the pipeline's {@link
 * PipelineConfig#DEFINITION}, and for the Quarkus services their {@code @ConfigMapping} interface
 * and {@code application.properties} (their sources, since the services' classes are not on this
 * module's class path). Deployment files and the configuration reference are checked against these.
 */
record ServiceSettings(
    String service,
    Set<String> properties,
    Set<String> environment,
    Map<String, String> applicationProperties,
    boolean kafkaSecurityVariables) {

  static final Path HOME = Path.of(System.getProperty("newsmon.home", "../.."));

  /** Read by every service's logging (Log4j's arbiter, JsonConsoleLogs), not a config property. */
  static final String LOG_FORMAT = "NEWSMON_LOG_FORMAT";

  private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)");
  private static final Pattern METHOD =
      Pattern.compile("([\\w.]+(?:<[^;(){}]*>)?)\\s+(\\w+)\\(\\)\\s*;");
  private static final Pattern PREFIX =
      Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
  private static final Pattern ENV_REFERENCE =
      Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

  /** Whether {@code variable} sets something this service reads. */
  boolean accepts(String variable) {
    return environment.contains(variable)
        || (kafkaSecurityVariables && isKafkaSecurityVariable(variable));
  }

  /**
   * Whether {@code variable} is one of the {@code NEWSMON_*} variables that secure the Kafka
   * connection ({@code NEWSMON_SECURITY_PROTOCOL}, {@code NEWSMON_SASL_*}, {@code NEWSMON_SSL_*}).
   */
  static boolean isKafkaSecurityVariable(String variable) {
    return Env.toConfig(Map.of(variable, "x")).keySet().stream()
        .anyMatch(KafkaConnection::isSecuritySetting);
  }

  static ServiceSettings pipeline() {
    Set<String> properties = new TreeSet<>(PipelineConfig.DEFINITION.names());
    Set<String> environment = new TreeSet<>();
    properties.forEach(p -> environment.add(pipelineVariable(p)));
    environment.add(LOG_FORMAT);
    // PipelineConfig hands settings it does not define to Kafka Streams, and the security ones
    // among them to its own clients too (PipelineConfig.kafkaConnection, PipelineConfigTest).
    return new ServiceSettings("pipeline", properties, environment, Map.of(), true);
  }

  /** The variable that sets a pipeline property: {@code Env}'s rule read backwards. */
  static String pipelineVariable(String property) {
    String variable = Env.PREFIX + property.replace('.', '_').toUpperCase(Locale.ROOT);
    if (!Env.toConfig(Map.of(variable, "x")).containsKey(property)) {
      throw new IllegalStateException(property + " cannot be set through the environment");
    }
    return variable;
  }

  static ServiceSettings alerts() {
    return quarkus("alerts", "io/newsmon/alerts/AlertsConfig.java");
  }

  static ServiceSettings ingest() {
    return quarkus("ingest", "io/newsmon/ingest/IngestConfig.java");
  }

  static ServiceSettings byName(String service) {
    return switch (service) {
      case "pipeline" -> pipeline();
      case "alerts" -> alerts();
      case "ingest" -> ingest();
      default -> throw new IllegalArgumentException(service);
    };
  }

  /**
   * A Quarkus service: its mapping's properties, the {@code quarkus.*} properties its
   * application.properties sets, and the variables that set them (SmallRye's environment rule) or
   * that application.properties reads itself ({@code ${NEWSMON_BOOTSTRAP_SERVERS:...}}).
   */
  private static ServiceSettings quarkus(String service, String mappingSource) {
    Path module = HOME.resolve("services").resolve(service).resolve("src/main");
    Map<String, String> application = read(module.resolve("resources/application.properties"));
    Set<String> properties =
        new TreeSet<>(mappingProperties(module.resolve("java").resolve(mappingSource)));
    application.keySet().stream().filter(k -> k.startsWith("quarkus.")).forEach(properties::add);
    Set<String> environment = new TreeSet<>();
    properties.forEach(p -> environment.add(smallRyeVariable(p)));
    application
        .values()
        .forEach(
            value -> {
              Matcher m = ENV_REFERENCE.matcher(value);
              while (m.find()) {
                environment.add(m.group(1));
              }
            });
    environment.add(LOG_FORMAT);
    return new ServiceSettings(
        service, properties, environment, application, mapsKafkaSecurityVariables(module));
  }

  /**
   * Whether a Quarkus service registers a configuration source that turns the {@code NEWSMON_*}
   * security variables into its {@code kafka.*} settings ({@code QuarkusKafkaSettings}).
   */
  private static boolean mapsKafkaSecurityVariables(Path module) {
    Path services =
        module.resolve(
            "resources/META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource");
    if (!Files.exists(services)) {
      return false;
    }
    for (String line : readString(services).split("\n")) {
      String source = line.strip();
      if (source.isEmpty() || source.startsWith("#")) {
        continue;
      }
      // The source may be the service's own or the shared one in services/common.
      String file = source.replace('.', '/') + ".java";
      for (Path java :
          List.of(
              module.resolve("java").resolve(file),
              HOME.resolve("services/common/src/main/java").resolve(file))) {
        if (Files.exists(java)
            && readString(java).contains("QuarkusKafkaSettings.fromNewsmonEnvironment")) {
          return true;
        }
      }
    }
    return false;
  }

  /** SmallRye Config's environment name of a property: upper case, other characters {@code _}. */
  static String smallRyeVariable(String property) {
    return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * The properties of a {@code @ConfigMapping} interface: each method is one ({@code
   * bootstrapServers()} is {@code prefix.bootstrap-servers}), a method returning a nested interface
   * is a group whose methods continue its name.
   */
  static List<String> mappingProperties(Path source) {
    String text = stripComments(readString(source));
    Matcher prefix = PREFIX.matcher(text);
    if (!prefix.find()) {
      throw new IllegalStateException("no @ConfigMapping prefix in " + source);
    }
    if (text.contains("@WithName") || text.contains("@WithParentName")) {
      throw new IllegalStateException(source + " renames properties: teach mappingProperties");
    }
    // Methods by the interface declaring them, found by brace depth.
    Map<String, List<String[]>> methods = new HashMap<>();
    List<String> interfaces = new ArrayList<>();
    List<Integer> depths = new ArrayList<>();
    int depth = 0;
    String pendingInterface = null;
    Matcher method = METHOD.matcher(text);
    Matcher iface = INTERFACE.matcher(text);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      iface.region(i, text.length());
      method.region(i, text.length());
      if (iface.lookingAt()) {
        pendingInterface = iface.group(1);
      } else if (c == '{') {
        depth++;
        if (pendingInterface != null) {
          interfaces.add(pendingInterface);
          depths.add(depth);
          methods.put(pendingInterface, new ArrayList<>());
          pendingInterface = null;
        }
      } else if (c == '}') {
        if (!depths.isEmpty() && depths.get(depths.size() - 1) == depth) {
          interfaces.remove(interfaces.size() - 1);
          depths.remove(depths.size() - 1);
        }
        depth--;
      } else if (!interfaces.isEmpty()
          && depths.get(depths.size() - 1) == depth
          && !Character.isJavaIdentifierPart(text.charAt(i - 1))
          && method.lookingAt()) {
        methods
            .get(interfaces.get(interfaces.size() - 1))
            .add(new String[] {method.group(1), method.group(2)});
        i = method.end() - 1;
      }
    }
    String root =
        methods.keySet().stream()
            .filter(name -> text.contains("public interface " + name))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no public interface in " + source));
    List<String> out = new ArrayList<>();
    collect(root, prefix.group(1), methods, out);
    return out;
  }

  private static void collect(
      String type, String prefix, Map<String, List<String[]>> methods, List<String> out) {
    for (String[] m : methods.get(type)) {
      String name = prefix + "." + kebab(m[1]);
      if (methods.containsKey(m[0])) {
        collect(m[0], name, methods, out);
      } else {
        out.add(name);
      }
    }
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static String stripComments(String java) {
    return java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
  }

  private static Map<String, String> read(Path properties) {
    java.util.Properties p = new java.util.Properties();
    try (var in = Files.newBufferedReader(properties)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> out = new java.util.TreeMap<>();
    p.forEach((k, v) -> out.put(k.toString(), v.toString()));
    return out;
  }

  static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
