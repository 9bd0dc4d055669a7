package io.newsmon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files in {@code deploy/} as trees, and the services they run with the environment
 * each instance gets. SnakeYAML reads them because the compose file shares blocks through anchors
 * and aliases, which Jackson's YAML parser does not expand.
 */
final class DeployFiles {

  static final Path DEPLOY = ServiceSettings.HOME.resolve("deploy");
  static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One service as deployed: its instances and their environment (secrets by name only). */
  record Deployed(String where, String service, List<String> instances, Map<String, String> env) {
    String get(String variable) {
      return env.get(variable);
    }
  }

  private DeployFiles() {}

  /** Every YAML document in a file. */
  static List<JsonNode> documents(Path file) {
    List<JsonNode> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file)) {
      for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
        if (doc != null) {
          out.add(JSON.valueToTree(doc));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static JsonNode compose() {
    return documents(DEPLOY.resolve("docker-compose.yml")).get(0);
  }

  /** The resources kustomization.yaml lists, every document of each. */
  static List<JsonNode> kubernetes() {
    List<JsonNode> out = new ArrayList<>();
    JsonNode kustomization = documents(KUBERNETES.resolve("kustomization.yaml")).get(0);
    kustomization
        .path("resources")
        .forEach(r -> out.addAll(documents(KUBERNETES.resolve(r.asText()))));
    return out;
  }

  static List<JsonNode> kubernetes(String kind) {
    return kubernetes().stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
  }

  static JsonNode kubernetes(String kind, String name) {
    return kubernetes(kind).stream()
        .filter(d -> d.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/kubernetes"));
  }

  /** Compose services by the image target they build (pipeline, alerts, ingest). */
  static Deployed composeService(String target) {
    JsonNode services = compose().path("services");
    List<String> instances = new ArrayList<>();
    Map<String, String> env = null;
    for (var it = services.fields(); it.hasNext(); ) {
      var service = it.next();
      if (service.getValue().path("build").path("target").asText().equals(target)) {
        instances.add(service.getKey());
        Map<String, String> instanceEnv = textMap(service.getValue().path("environment"));
        if (env != null && !env.equals(instanceEnv)) {
          throw new AssertionError(
              "compose instances of " + target + " differ in their environment: " + instances);
        }
        env = instanceEnv;
      }
    }
    if (instances.isEmpty()) {
      throw new AssertionError("no compose service builds target " + target);
    }
    return new Deployed("docker-compose.yml", target, instances, env);
  }

  /** The Deployment or StatefulSet {@code newsmon-SERVICE}, its pods' names and environment. */
  static Deployed kubernetesService(String service) {
    String name = "newsmon-" + service;
    JsonNode workload = workload(service);
    int replicas = workload.path("spec").path("replicas").asInt();
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      instances.add(name + "-" + i); // a StatefulSet's pod names; a Deployment's are random
    }
    return new Deployed(
        "kubernetes " + workload.path("kind").asText(),
        service,
        instances,
        environment(container(workload)));
  }

  /** The Deployment or StatefulSet {@code newsmon-SERVICE}. */
  static JsonNode workload(String service) {
    String name = "newsmon-" + service;
    return kubernetes().stream()
        .filter(d -> d.path("metadata").path("name").asText().equals(name))
        .filter(d -> List.of("Deployment", "StatefulSet").contains(d.path("kind").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no workload " + name));
  }

  /**
   * The listener of the Strimzi cluster that clients are given: its only one, so no client can pick
   * a less secured one.
   */
  static JsonNode strimziClientListener() {
    JsonNode listeners =
        kubernetes("Kafka", KafkaTopicManifests.CLUSTER)
            .path("spec")
            .path("kafka")
            .path("listeners");
    if (listeners.size() != 1) {
      throw new AssertionError("one Strimzi listener expected, for the clients: " + listeners);
    }
    return listeners.get(0);
  }

  /** The compose services that run a Kafka broker, by name, and their environment. */
  static Map<String, Map<String, String>> composeBrokers() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    compose()
        .path("services")
        .fields()
        .forEachRemaining(
            s -> {
              if (s.getValue().path("image").asText().startsWith("apache/kafka:")) {
                out.put(s.getKey(), textMap(s.getValue().path("environment")));
              }
            });
    return out;
  }

  /** A compose broker's listeners ({@code KAFKA_LISTENERS}) by name, each with its port. */
  static Map<String, Integer> listeners(Map<String, String> broker) {
    Map<String, Integer> out = new LinkedHashMap<>();
    endpoints(broker.get("KAFKA_LISTENERS"))
        .forEach((name, address) -> out.put(name, port(address)));
    return out;
  }

  /** Where a compose broker advertises each listener, by name: {@code host:port}. */
  static Map<String, String> advertisedListeners(Map<String, String> broker) {
    return endpoints(broker.get("KAFKA_ADVERTISED_LISTENERS"));
  }

  /** A compose broker's security protocol of each listener, by name. */
  static Map<String, String> securityProtocols(Map<String, String> broker) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String entry : broker.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
      String[] parts = entry.split(":");
      out.put(parts[0], parts[1]);
    }
    return out;
  }

  /**
   * The listener a compose broker's clients use: the advertised one that brokers do not talk to
   * each other on.
   */
  static String clientListener(Map<String, String> broker) {
    List<String> names = new ArrayList<>(advertisedListeners(broker).keySet());
    names.remove(broker.get("KAFKA_INTER_BROKER_LISTENER_NAME"));
    if (names.size() != 1) {
      throw new AssertionError("one client listener expected besides the brokers': " + names);
    }
    return names.get(0);
  }

  /** {@code NAME://host:port,...} by name. */
  private static Map<String, String> endpoints(String listeners) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String endpoint : listeners.split(",")) {
      int scheme = endpoint.indexOf("://");
      out.put(endpoint.substring(0, scheme), endpoint.substring(scheme + 3));
    }
    return out;
  }

  private static int port(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  static JsonNode container(JsonNode workload) {
    JsonNode containers = workload.path("spec").path("template").path("spec").path("containers");
    if (containers.size() != 1) {
      throw new AssertionError("one container expected in " + workload.path("metadata"));
    }
    return containers.get(0);
  }

  /** A container's environment: its ConfigMaps' data, then its own entries (secret refs by key). */
  static Map<String, String> environment(JsonNode container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode from : container.path("envFrom")) {
      if (from.has("configMapRef")) {
        String map = from.path("configMapRef").path("name").asText();
        env.putAll(textMap(kubernetes("ConfigMap", map).path("data")));
      } else {
        throw new AssertionError("only ConfigMaps are expected in envFrom: " + from);
      }
    }
    for (JsonNode entry : container.path("env")) {
      JsonNode secret = entry.path("valueFrom").path("secretKeyRef");
      env.put(
          entry.path("name").asText(),
          secret.isMissingNode()
              ? entry.path("value").asText()
              : "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText());
    }
    return env;
  }

  static Map<String, String> textMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
