package io.newsmon.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalog's topics that do not exist yet. Existing topics are left as they are: on a
 * shared cluster their owners may have tuned them.
 */
public final class TopicProvisioner {

  private final Admin admin;
  private final short replicationFactor;

  public TopicProvisioner(Admin admin, short replicationFactor) {
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("replication factor must be >= 1");
    }
    this.admin = admin;
    this.replicationFactor = replicationFactor;
  }

  /** Creates missing topics; returns the names it created. */
  public List<String> ensure(List<TopicSpec> topics) throws InterruptedException {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (TopicSpec spec : topics) {
        if (!existing.contains(spec.name())) {
          missing.add(
              new NewTopic(spec.name(), spec.partitions(), replicationFactor)
                  .configs(spec.kafkaConfig()));
        }
      }
      List<String> created = new ArrayList<>();
      var result = admin.createTopics(missing);
      for (NewTopic topic : missing) {
        try {
          result.values().get(topic.name()).get(30, TimeUnit.SECONDS);
          created.add(topic.name());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e; // another instance creating it at the same moment is fine
          }
        }
      }
      return created;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create newsmon topics: " + e.getMessage(), e);
    }
  }
}
