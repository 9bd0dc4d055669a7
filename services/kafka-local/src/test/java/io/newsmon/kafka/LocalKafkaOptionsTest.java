package io.newsmon.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LocalKafkaOptionsTest {

  @Test
  void theSingleNodeCommandLineOfNewsmonUpStillMeansOneReplicaOfEverything() {
    LocalKafkaOptions options =
        LocalKafkaOptions.parse("--data-dir", "d", "--port", "9092", "--ready-file", "r");
    assertThat(options).isEqualTo(LocalKafkaOptions.singleNode(Path.of("d"), 9092, Path.of("r")));

    BrokerSettings settings = options.nodeSettings(() -> 9093);
    assertThat(settings.nodeId()).isEqualTo(1);
    assertThat(settings.quorumVoters()).isEqualTo("1@127.0.0.1:9093");
    assertThat(settings.alone()).isTrue();
    assertThat(settings.replicationFactor()).isEqualTo(1);
    assertThat(settings.minInsyncReplicas()).isEqualTo(1);
    assertThat(settings.serverProperties(Path.of("d")))
        .containsEntry("offsets.topic.replication.factor", "1")
        .doesNotContainKey("broker.session.timeout.ms");
  }

  @Test
  void aClusterNodeReadsItsControllerPortFromTheVotersAndReplicatesThreeTimes() {
    LocalKafkaOptions options =
        LocalKafkaOptions.parse(
            "--data-dir", "n2",
            "--port", "9102",
            "--node-id", "2",
            "--quorum-voters", "1@127.0.0.1:9201,2@127.0.0.1:9202,3@127.0.0.1:9203",
            "--cluster-id", "abc",
            "--parent-pid", "42");
    assertThat(LocalKafkaOptions.parse(options.toArgs().toArray(String[]::new))).isEqualTo(options);
    assertThat(options.parentPid()).isEqualTo(OptionalLong.of(42));

    BrokerSettings settings = options.nodeSettings(() -> 1);
    assertThat(settings.controllerPort()).isEqualTo(9202);
    assertThat(settings.alone()).isFalse();
    assertThat(settings.serverProperties(Path.of("n2")))
        .containsEntry("node.id", "2")
        .containsEntry("default.replication.factor", "3")
        .containsEntry("min.insync.replicas", "2")
        .containsEntry("transaction.state.log.replication.factor", "3")
        .containsEntry("transaction.state.log.min.isr", "2")
        .containsEntry("offsets.topic.replication.factor", "3")
        .containsEntry("unclean.leader.election.enable", "false");
  }

  @Test
  void refusesWhatNoBrokerCouldStartWith() {
    assertThatThrownBy(() -> LocalKafkaOptions.parse("--port", "1"))
        .hasMessageContaining("--data-dir");
    assertThatThrownBy(
            () -> LocalKafkaOptions.parse("--data-dir", "d", "--brokers", "3", "--port", "1"))
        .hasMessageContaining("--brokers");
    assertThatThrownBy(() -> LocalKafkaOptions.parse("--data-dir", "d", "--nodes", "3"))
        .hasMessageContaining("unknown argument --nodes");
    assertThatThrownBy(
            () ->
                LocalKafkaOptions.parse(
                        "--data-dir", "d", "--node-id", "4", "--quorum-voters", "1@127.0.0.1:9201")
                    .nodeSettings(() -> 1))
        .hasMessageContaining("not among");
    assertThatThrownBy(
            () ->
                LocalKafkaOptions.parse("--data-dir", "d", "--replication-factor", "3")
                    .nodeSettings(() -> 1))
        .hasMessageContaining("replication factor");
  }
}
