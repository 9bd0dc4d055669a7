package io.newsmon.alerts.delivery;

import io.newsmon.avro.StoryUpdate;
import io.newsmon.common.CompactedTopicView;
import io.newsmon.common.KafkaConnection;
import io.newsmon.common.TopicCatalog;
import io.newsmon.schema.AvroSerde;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Story sizes followed from the compacted topic {@code news.stories} that the pipeline writes. */
public final class KafkaStorySizes implements StorySizes, AutoCloseable {

  private final Map<String, int[]> sizes = new ConcurrentHashMap<>();
  private final CompactedTopicView<StoryUpdate> view;

  public KafkaStorySizes(KafkaConnection kafka) {
    this.view =
        new CompactedTopicView<>(
                kafka,
                TopicCatalog.NEWS_STORIES.name(),
                AvroSerde.of(StoryUpdate.class),
                (cluster, update) -> {
                  if (update == null) {
                    sizes.remove(cluster);
                  } else {
                    sizes.put(cluster, new int[] {update.getCopies(), update.getOutlets()});
                  }
                })
            .start();
  }

  @Override
  public int outlets(String clusterId) {
    int[] size = sizes.get(clusterId);
    return size == null ? 1 : Math.max(1, size[1]);
  }

  @Override
  public int copies(String clusterId) {
    int[] size = sizes.get(clusterId);
    return size == null ? 1 : Math.max(1, size[0]);
  }

  @Override
  public void close() throws InterruptedException {
    view.close();
  }
}
