package com.justelegance.privacy.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns envelopes into the JSON that travels on Kafka and back.
 *
 * <p>Decoding is tolerant of fields it does not know (a newer producer may add fields) and strict about
 * everything else: a missing, mistyped or invalid field fails with an {@link EventDecodingException} whose
 * message never quotes the record's content.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventCodec() {
    }

    /** The mapper configured for event JSON, for callers that need trees (tests, schema checks). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String encode(EventEnvelope<?> envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not encode a " + envelope.eventType() + " event", e);
        }
    }

    public static EventEnvelope<?> decode(String json) {
        if (json == null || json.isBlank()) {
            throw new EventDecodingException("Empty record value", null);
        }
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (!(tree instanceof ObjectNode envelope)) {
                throw new EventDecodingException("Record value is not a JSON object", null);
            }
            String wireName = text(envelope, "eventType");
            EventType type = EventType.fromWireName(wireName)
                    .orElseThrow(() -> new EventDecodingException("Unknown eventType", null));
            JsonNode payloadNode = envelope.get("payload");
            if (payloadNode == null || !payloadNode.isObject()) {
                throw new EventDecodingException("payload is missing or not an object", null);
            }
            EventPayload payload = MAPPER.treeToValue(payloadNode, type.payloadType());
            JsonNode version = envelope.get("schemaVersion");
            if (version == null || !version.canConvertToInt()) {
                throw new EventDecodingException("schemaVersion is missing or not a number", null);
            }
            return new EventEnvelope<>(
                    MAPPER.treeToValue(envelope.get("eventId"), UUID.class),
                    wireName,
                    version.intValue(),
                    MAPPER.treeToValue(envelope.get("occurredAt"), Instant.class),
                    text(envelope, "subjectId"),
                    text(envelope, "producer"),
                    MAPPER.treeToValue(envelope.get("correlationId"), UUID.class),
                    payload);
        } catch (EventDecodingException e) {
            throw e;
        } catch (JsonMappingException e) {
            throw new EventDecodingException(describe(e), e);
        } catch (JsonProcessingException e) {
            throw new EventDecodingException("Malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr(), e);
        } catch (IllegalArgumentException e) {
            // Our own field rules: their messages name fields, never values.
            throw new EventDecodingException("Invalid event: " + e.getMessage(), e);
        }
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Jackson's own messages quote the offending value; this keeps only the path and the cause's own rule. */
    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException rule && !(cause instanceof JsonMappingException)) {
            return "Invalid event: " + rule.getMessage();
        }
        return "Invalid value" + (path.isEmpty() ? "" : " at " + path);
    }
}
