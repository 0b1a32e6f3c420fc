package com.justelegance.privacy.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The scripts create topics from infra/kafka/topics.txt; it must list exactly the catalogue's topics. */
class TopicsTest {

    @Test
    void infraTopicListMatchesTheCatalogue() throws IOException {
        List<String> listed = Files.readAllLines(Path.of("..", "infra", "kafka", "topics.txt")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")[0])
                .toList();

        assertThat(listed, equalTo(Topics.all()));
    }

    @Test
    void everyEventTypeUsesACataloguedTopic() {
        for (EventType type : EventType.values()) {
            assertThat(type.wireName(), Topics.MAIN.contains(type.topic()), equalTo(true));
        }
    }
}
