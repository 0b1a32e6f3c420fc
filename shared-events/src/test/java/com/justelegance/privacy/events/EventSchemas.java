package com.justelegance.privacy.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Loads the event contract's schemas and samples from the classpath for the tests. */
final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private EventSchemas() {
    }

    static String payloadSchemaPath(EventType type) {
        return "schemas/" + type.wireName() + ".v" + type.schemaVersion() + ".schema.json";
    }

    static String samplePath(EventType type) {
        return "samples/" + type.wireName() + ".v" + type.schemaVersion() + ".json";
    }

    static JsonNode readTree(String path) {
        try (InputStream in = open(path)) {
            return EventCodec.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readText(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readTreeOf(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<ValidationMessage> validate(String schemaPath, JsonNode document) {
        JsonSchema schema = FACTORY.getSchema(readTree(schemaPath), CONFIG);
        return schema.validate(document);
    }

    private static InputStream open(String path) {
        InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource " + path);
        }
        return in;
    }
}
