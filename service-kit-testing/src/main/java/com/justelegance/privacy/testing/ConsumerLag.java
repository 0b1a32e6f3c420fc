package com.justelegance.privacy.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Waits until a service's consumer group has processed everything on its topics (its committed offsets reach the
 * end of every partition). Consumers commit after applying a batch, so a caught-up group has nothing in flight:
 * a test comparing two reads of derived state (a preview and the run that follows it) does so on a still backlog,
 * not on one that other tests' events are still moving.
 */
public final class ConsumerLag {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private ConsumerLag() {
    }

    /** Blocks until {@code group} has no lag on any partition of {@code topics}. */
    public static void awaitCaughtUp(String group, Collection<String> topics) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap()))) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> lag(admin, group, List.copyOf(topics)) == 0);
        }
    }

    private static long lag(Admin admin, String group, List<String> topics)
            throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(ConsumerLag::partitionsOf).toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()))).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return partitions.stream().mapToLong(partition -> {
            OffsetAndMetadata done = committed.get(partition);
            return ends.get(partition).offset() - (done == null ? 0 : done.offset());
        }).sum();
    }

    private static java.util.stream.Stream<TopicPartition> partitionsOf(TopicDescription topic) {
        return topic.partitions().stream().map(info -> new TopicPartition(topic.name(), info.partition()));
    }
}
