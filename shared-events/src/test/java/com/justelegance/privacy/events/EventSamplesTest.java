package com.justelegance.privacy.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

/**
 * Every event has a schema and a sample; the sample validates and survives a round trip through the Java types,
 * and the Java record has exactly the fields the schema declares. A field removed or re-typed in Java or in a
 * schema breaks one of these.
 */
class EventSamplesTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleValidatesAgainstTheEnvelopeAndPayloadSchemas(EventType type) {
        JsonNode sample = EventSchemas.readTree(EventSchemas.samplePath(type));

        assertThat(EventSchemas.validate("schemas/envelope.schema.json", sample), empty());
        assertThat(EventSchemas.validate(EventSchemas.payloadSchemaPath(type), sample.get("payload")), empty());
        assertThat(sample.get("eventType").asText(), equalTo(type.wireName()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleRoundTripsThroughTheJavaTypes(EventType type) {
        String sampleJson = EventSchemas.readText(EventSchemas.samplePath(type));

        EventEnvelope<?> decoded = EventCodec.decode(sampleJson);
        String reEncoded = EventCodec.encode(decoded);

        assertThat(decoded.payload(), instanceOf(type.payloadType()));
        assertThat(EventSchemas.readTreeOf(reEncoded), equalTo(EventSchemas.readTreeOf(sampleJson)));
        assertThat(EventSchemas.validate(EventSchemas.payloadSchemaPath(type),
                EventSchemas.readTreeOf(reEncoded).get("payload")), empty());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void javaRecordDeclaresExactlyTheSchemaFields(EventType type) {
        JsonNode schema = EventSchemas.readTree(EventSchemas.payloadSchemaPath(type));

        Set<String> schemaFields = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(schemaFields::add);
        Set<String> requiredFields = new TreeSet<>();
        schema.get("required").forEach(field -> requiredFields.add(field.asText()));
        Set<String> javaFields = new TreeSet<>(Arrays.stream(type.payloadType().getRecordComponents())
                .map(RecordComponent::getName).toList());

        assertThat(javaFields, equalTo(schemaFields));
        // Producers always write every field (null where absent), so every field is required in the schema.
        assertThat(requiredFields, equalTo(schemaFields));
    }
}
