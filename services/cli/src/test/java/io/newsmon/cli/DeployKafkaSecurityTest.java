package io.newsmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.cli.DeployFiles.Deployed;
import io.newsmon.cli.KafkaAccess.Acl;
import io.newsmon.cli.KafkaAccess.Use;
import io.newsmon.common.Env;
import io.newsmon.common.TopicCatalog;
import io.newsmon.common.TopicSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * How the deployments secure Kafka, checked against the code since nothing here can run them: every
 * newsmon container connects to an authenticated listener (TLS and SCRAM-SHA-512 on Kubernetes,
 * SASL/PLAIN on the compose network) on that listener's port, with settings Kafka's clients know;
 * credentials come from Secrets or the environment, never from the files; and each service's Kafka
 * user may do exactly what the service does ({@link KafkaAccess}).
 */
class DeployKafkaSecurityTest {

  private static final List<String> SERVICES = List.of("pipeline", "alerts", "ingest");
  private static final String JAAS = "NEWSMON_SASL_JAAS_CONFIG";
  private static final String PLAIN_LOGIN =
      "org.apache.kafka.common.security.plain.PlainLoginModule";
  private static final Pattern JAAS_OPTION = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  /** A password in the compose file: a variable compose refuses to start without. */
  private static final Pattern PASSWORD_VARIABLE =
      Pattern.compile("\\$\\{NEWSMON_KAFKA_[A-Z]+_PASSWORD:\\?[^}]+}");

  // --- Kubernetes ---

  @Test
  void kubernetesContainersConnectOverTlsAsTheirServicesKafkaUser() {
    JsonNode listener = DeployFiles.strimziClientListener();
    assertThat(listener.path("tls").asBoolean()).as("the clients' listener encrypts").isTrue();
    assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
    String caSecret = cluster() + "-cluster-ca-cert"; // Strimzi's name for the cluster CA
    for (String service : SERVICES) {
      Deployed d = DeployFiles.kubernetesService(service);
      JsonNode workload = DeployFiles.workload(service);
      assertThat(d.env())
          .as("%s: %s", d.where(), service)
          .containsEntry(
              "NEWSMON_BOOTSTRAP_SERVERS",
              cluster() + "-kafka-bootstrap:" + listener.path("port").asInt())
          .containsEntry("NEWSMON_SECURITY_PROTOCOL", "SASL_SSL")
          .containsEntry("NEWSMON_SASL_MECHANISM", "SCRAM-SHA-512")
          // The user operator writes each KafkaUser's login into a Secret of the user's name.
          .containsEntry(JAAS, "secret:" + kafkaUser(service) + "/sasl.jaas.config")
          .containsEntry("NEWSMON_SSL_TRUSTSTORE_TYPE", "PKCS12")
          .containsEntry("NEWSMON_SSL_TRUSTSTORE_PASSWORD", "secret:" + caSecret + "/ca.password");
      assertThat(d.get("NEWSMON_SSL_TRUSTSTORE_LOCATION"))
          .as("%s: the truststore is the cluster CA's ca.p12, mounted", service)
          .isEqualTo(secretFile(workload, caSecret, "ca.p12"));
      // Credentials reach the pods from Secrets only, never from their ConfigMaps.
      for (JsonNode from : DeployFiles.container(workload).path("envFrom")) {
        String map = from.path("configMapRef").path("name").asText();
        assertThat(DeployFiles.kubernetes("ConfigMap", map).path("data").toString())
            .as("ConfigMap %s", map)
            .doesNotContain(JAAS, "PASSWORD", "password");
      }
    }
  }

  @Test
  void theStrimziClusterAuthenticatesAndAuthorizesEveryClient() {
    JsonNode spec = DeployFiles.kubernetes("Kafka", cluster()).path("spec");
    for (JsonNode listener : spec.path("kafka").path("listeners")) {
      assertThat(listener.path("authentication").path("type").asText())
          .as("listener %s", listener.path("name"))
          .isNotEmpty();
    }
    // Simple authorization denies whatever no ACL allows, as long as nobody turns that off.
    assertThat(spec.path("kafka").path("authorization").path("type").asText()).isEqualTo("simple");
    assertThat(spec.path("kafka").path("config").path("allow.everyone.if.no.acl.found").asText())
        .isNotEqualTo("true");
    assertThat(spec.path("entityOperator").has("userOperator"))
        .as("KafkaUsers need the user operator")
        .isTrue();
    List<JsonNode> users = DeployFiles.kubernetes("KafkaUser");
    assertThat(users.stream().map(u -> u.path("metadata").path("name").asText()))
        .containsExactlyInAnyOrderElementsOf(
            SERVICES.stream().map(DeployKafkaSecurityTest::kafkaUser).toList());
    for (JsonNode user : users) {
      assertThat(user.path("metadata").path("labels").path("strimzi.io/cluster").asText())
          .isEqualTo(cluster());
      assertThat(user.path("spec").path("authentication").path("type").asText())
          .isEqualTo("scram-sha-512");
      assertThat(user.path("spec").path("authorization").path("type").asText()).isEqualTo("simple");
    }
  }

  @Test
  void kafkaUsersNameCatalogTopicsAndThePipelinesOwnPrefixesOnly() {
    Set<String> catalog = KafkaAccess.catalogNames();
    String applicationId = KafkaAccess.pipelineApplicationId();
    Set<String> prefixes = Set.of(applicationId + "-", KafkaAccess.topicStreamPrefix());
    for (String service : SERVICES) {
      for (Acl acl : acls(service)) {
        if (!acl.type().equals("topic")) {
          continue;
        }
        if (acl.patternType().equals("literal")) {
          assertThat(catalog).as("%s: %s is a catalog topic", service, acl).contains(acl.name());
        } else {
          assertThat(acl.patternType()).isEqualTo("prefix");
          assertThat(prefixes)
              .as("%s: %s is Kafka Streams' internal topics or the topics' streams", service, acl)
              .contains(acl.name());
        }
      }
    }
  }

  @Test
  void eachKafkaUserMayDoWhatItsServiceDoesAndNothingElse() {
    for (String service : SERVICES) {
      assertThat(acls(service))
          .as(
              "ACLs of KafkaUser %s (deploy/kubernetes/kafka-users.yaml) against what the %s"
                  + " does (KafkaAccess)",
              kafkaUser(service), service)
          .containsExactlyInAnyOrderElementsOf(KafkaAccess.of(service).acls());
    }
  }

  @Test
  void theAccessTablesHoldEveryCatalogTopicTheServicesCodeNames() {
    // Every service's readiness lists the whole catalog, which is why each may describe it all.
    Pattern readiness = Pattern.compile("new KafkaHealth\\([^;]*TopicCatalog\\.ALL");
    for (String service : SERVICES) {
      KafkaAccess access = KafkaAccess.of(service);
      Map<Path, String> sources = KafkaAccess.sources(access.modules());
      assertThat(sources.values())
          .as("%s checks every catalog topic in its readiness", service)
          .anyMatch(s -> readiness.matcher(s).find());
      Set<String> named = new TreeSet<>();
      sources.values().forEach(s -> named.addAll(catalogTopicsNamed(s)));
      Set<String> used = new TreeSet<>(access.reads());
      used.addAll(access.writes());
      assertThat(used)
          .as("the catalog topics the %s's code names are the ones it reads or writes", service)
          .isEqualTo(named);
      // Each row of the table points at a file that names its topic.
      for (Use use : KafkaAccess.table(service)) {
        List<String> files =
            sources.entrySet().stream()
                .filter(e -> e.getKey().getFileName().toString().equals(use.file()))
                .map(Map.Entry::getValue)
                .toList();
        assertThat(files).as("%s: %s", service, use.file()).hasSize(1);
        assertThat(catalogTopicsNamed(files.get(0)))
            .as("%s names %s", use.file(), use.topic().name())
            .contains(use.topic().name());
      }
    }
    // The pipeline creates what is missing of the catalog at start, and each topic's stream; it
    // consumes in Kafka Streams' group alone.
    Map<Path, String> pipeline = KafkaAccess.sources(List.of("pipeline"));
    assertThat(pipeline.values()).noneMatch(s -> s.contains("GROUP_ID_CONFIG"));
    assertThat(pipeline.values()).anyMatch(s -> s.contains(".ensure(TopicCatalog.ALL)"));
    assertThat(pipeline.values())
        .anyMatch(s -> s.contains("TopicCatalog.topicStream(") && s.contains(".ensure("));
  }

  // --- Docker Compose ---

  @Test
  void composeContainersLogInToTheBrokersClientListenerAsTheirOwnUser() {
    Set<String> users = new TreeSet<>();
    for (String service : SERVICES) {
      Deployed d = DeployFiles.composeService(service);
      Map<String, String> login = jaasOptions(d.get(JAAS));
      assertThat(d.get(JAAS)).as(service).startsWith(PLAIN_LOGIN + " required ");
      assertThat(login).as(service).containsOnlyKeys("username", "password");
      users.add(login.get("username"));
      for (Map.Entry<String, Map<String, String>> b : DeployFiles.composeBrokers().entrySet()) {
        Map<String, String> broker = b.getValue();
        String client = DeployFiles.clientListener(broker);
        assertThat(d.get("NEWSMON_SECURITY_PROTOCOL"))
            .as("%s on %s's %s listener", service, b.getKey(), client)
            .isEqualTo(DeployFiles.securityProtocols(broker).get(client))
            .isEqualTo("SASL_PLAINTEXT");
        assertThat(d.get("NEWSMON_SASL_MECHANISM")).isEqualTo("PLAIN");
        assertThat(mechanisms(broker)).contains(d.get("NEWSMON_SASL_MECHANISM"));
        // The listener admits this user with the very password (variable) the service logs in
        // with; the bootstrap servers are the client listeners' (DeployManifestsTest).
        assertThat(jaasOptions(broker.get(listenerJaas(client, "PLAIN"))))
            .as("%s's %s listener", b.getKey(), client)
            .containsEntry("user_" + login.get("username"), login.get("password"));
      }
    }
    assertThat(users).as("one Kafka user per service").hasSize(SERVICES.size());
  }

  @Test
  void composeBrokersAdmitOnlyAuthenticatedConnectionsOnEveryListener() {
    for (Map.Entry<String, Map<String, String>> b : DeployFiles.composeBrokers().entrySet()) {
      Map<String, String> broker = b.getValue();
      Map<String, String> protocols = DeployFiles.securityProtocols(broker);
      assertThat(DeployFiles.listeners(broker).keySet()).isEqualTo(protocols.keySet());
      assertThat(protocols.keySet())
          .containsAll(DeployFiles.advertisedListeners(broker).keySet())
          .contains(broker.get("KAFKA_INTER_BROKER_LISTENER_NAME"))
          .contains(broker.get("KAFKA_CONTROLLER_LISTENER_NAMES"));
      assertThat(mechanisms(broker)).containsExactly("PLAIN");
      for (String listener : protocols.keySet()) {
        assertThat(protocols.get(listener))
            .as("%s's %s listener authenticates", b.getKey(), listener)
            .startsWith("SASL_");
        assertThat(broker).containsKey(listenerJaas(listener, "PLAIN"));
      }
      // Brokers log in to each other and to the controllers as a user those listeners admit.
      assertThat(broker)
          .containsEntry("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL", "PLAIN")
          .containsEntry("KAFKA_SASL_MECHANISM_CONTROLLER_PROTOCOL", "PLAIN");
      for (String listener :
          List.of(
              broker.get("KAFKA_INTER_BROKER_LISTENER_NAME"),
              broker.get("KAFKA_CONTROLLER_LISTENER_NAMES"))) {
        Map<String, String> jaas = jaasOptions(broker.get(listenerJaas(listener, "PLAIN")));
        assertThat(jaas)
            .as("%s's %s listener", b.getKey(), listener)
            .containsEntry("user_" + jaas.get("username"), jaas.get("password"));
      }
      // The apache/kafka image wants a JAAS file when an advertised listener's name starts
      // with SASL_; these listeners are named for their role and configured by variables.
      assertThat(DeployFiles.advertisedListeners(broker).keySet())
          .noneMatch(n -> n.startsWith("SASL_"));
    }
  }

  @Test
  void composePasswordsComeFromTheEnvironmentOnly() {
    String compose = ServiceSettings.readString(DeployFiles.DEPLOY.resolve("docker-compose.yml"));
    Matcher secret = Pattern.compile("(password|user_\\w+)=\"([^\"]*)\"").matcher(compose);
    int found = 0;
    while (secret.find()) {
      found++;
      assertThat(secret.group(2))
          .as("%s in docker-compose.yml", secret.group(1))
          .matches(PASSWORD_VARIABLE);
    }
    assertThat(found).as("passwords in docker-compose.yml").isPositive();
    // docs/deploy.md writes them to deploy/kafka.env, which must never be committed.
    assertThat(ServiceSettings.readString(DeployFiles.DEPLOY.resolve(".gitignore")))
        .contains("kafka.env");
  }

  // --- both ---

  @Test
  void everyKafkaSecurityVariableIsAKafkaClientSetting() {
    Set<String> clientSettings = new TreeSet<>(ProducerConfig.configNames());
    clientSettings.retainAll(ConsumerConfig.configNames());
    clientSettings.retainAll(AdminClientConfig.configNames());
    for (String service : SERVICES) {
      for (Deployed d :
          List.of(DeployFiles.composeService(service), DeployFiles.kubernetesService(service))) {
        List<String> security =
            d.env().keySet().stream().filter(ServiceSettings::isKafkaSecurityVariable).toList();
        assertThat(security)
            .as("%s: %s", d.where(), service)
            .contains("NEWSMON_SECURITY_PROTOCOL", "NEWSMON_SASL_MECHANISM", JAAS);
        for (String variable : security) {
          String setting = Env.toConfig(Map.of(variable, "")).keySet().iterator().next();
          assertThat(clientSettings)
              .as("%s sets %s for the %s", d.where(), variable, service)
              .contains(setting);
        }
      }
    }
  }

  // --- reading the files ---

  private static String cluster() {
    return KafkaTopicManifests.CLUSTER;
  }

  private static String kafkaUser(String service) {
    return "newsmon-" + service;
  }

  /** The ACLs of a service's KafkaUser, one per operation. */
  private static Set<Acl> acls(String service) {
    JsonNode user = DeployFiles.kubernetes("KafkaUser", kafkaUser(service));
    Set<Acl> out = new TreeSet<>();
    for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
      assertThat(acl.path("type").asText("allow")).as("only allow rules").isEqualTo("allow");
      assertThat(acl.path("host").asText("*")).isEqualTo("*");
      JsonNode resource = acl.path("resource");
      assertThat(acl.path("operations").size()).as("%s", resource).isPositive();
      for (JsonNode operation : acl.path("operations")) {
        out.add(
            new Acl(
                resource.path("type").asText(),
                resource.path("patternType").asText("literal"),
                resource.path("name").asText(),
                operation.asText()));
      }
    }
    return out;
  }

  /** The file a container sees {@code key} of Secret {@code secret} at. */
  private static String secretFile(JsonNode workload, String secret, String key) {
    List<String> files = new ArrayList<>();
    for (JsonNode volume : workload.path("spec").path("template").path("spec").path("volumes")) {
      if (!volume.path("secret").path("secretName").asText().equals(secret)) {
        continue;
      }
      String path = key; // without items, every key is a file of its name
      for (JsonNode item : volume.path("secret").path("items")) {
        path = item.path("key").asText().equals(key) ? item.path("path").asText() : path;
      }
      for (JsonNode mount : DeployFiles.container(workload).path("volumeMounts")) {
        if (mount.path("name").asText().equals(volume.path("name").asText())) {
          assertThat(mount.has("subPath")).as("a subPath mount never sees a renewed CA").isFalse();
          files.add(mount.path("mountPath").asText() + "/" + path);
        }
      }
    }
    assertThat(files).as("mounts of Secret %s", secret).hasSize(1);
    return files.get(0);
  }

  /** The quoted options of a JAAS configuration: {@code username="x"} and the like. */
  private static Map<String, String> jaasOptions(String jaas) {
    assertThat(jaas).isNotNull();
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = JAAS_OPTION.matcher(jaas);
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    return out;
  }

  /** The variable of a compose broker's JAAS configuration for one listener and mechanism. */
  private static String listenerJaas(String listener, String mechanism) {
    return "KAFKA_LISTENER_NAME_" + listener + "_" + mechanism + "_SASL_JAAS_CONFIG";
  }

  private static List<String> mechanisms(Map<String, String> broker) {
    return Arrays.asList(broker.getOrDefault("KAFKA_SASL_ENABLED_MECHANISMS", "").split(","));
  }

  /** The catalog topics a source file names through TopicCatalog's constants. */
  private static Set<String> catalogTopicsNamed(String source) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("TopicCatalog\\.([A-Z][A-Z0-9_]*)\\b").matcher(source);
    while (m.find()) {
      Object value;
      try {
        value = TopicCatalog.class.getField(m.group(1)).get(null);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("TopicCatalog." + m.group(1), e);
      }
      if (value instanceof TopicSpec topic) {
        assertThat(TopicCatalog.ALL).as("a service uses %s", topic.name()).contains(topic);
        out.add(topic.name());
      }
    }
    return out;
  }
}
