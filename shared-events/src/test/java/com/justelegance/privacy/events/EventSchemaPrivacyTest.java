package com.justelegance.privacy.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * Events must never carry personal data: Kafka logs cannot be edited, so this is what makes erasure real.
 * A schema fails here if it gains a field whose name suggests personal data, or a string field that could hold
 * free text (one not pinned down by an enum, a pattern or a uuid/date format).
 */
class EventSchemaPrivacyTest {

    private static final Pattern PERSONAL_DATA_NAME = Pattern.compile(
            "(?i).*(name|e-?mail|address|street|postcode|zip|city|phone|mobile|^ip$|ipaddress|useragent|"
                    + "birth|dob|note|comment|message|text|description|card|iban|account_?number|password).*");
    private static final List<String> SAFE_STRING_FORMATS = List.of("uuid", "date-time", "date");

    static Stream<String> schemas() {
        return Stream.concat(Stream.of("schemas/envelope.schema.json"),
                Stream.of(EventType.values()).map(EventSchemas::payloadSchemaPath));
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void noFieldIsNamedLikePersonalData(String schemaPath) {
        assertThat(fieldsNamedLikePersonalData(EventSchemas.readTree(schemaPath)), empty());
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void noStringFieldCanHoldFreeText(String schemaPath) {
        assertThat(freeTextFields(EventSchemas.readTree(schemaPath)), empty());
    }

    @Test
    void theChecksCatchFieldsThatCouldCarryPersonalData() {
        JsonNode leaky = EventSchemas.readTreeOf("""
                {"type": "object", "properties": {
                  "customerEmail": {"type": "string", "format": "email"},
                  "orderId": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                  "remarks": {"type": "string"}}}
                """);

        assertThat(fieldsNamedLikePersonalData(leaky), equalTo(List.of("customerEmail")));
        assertThat(freeTextFields(leaky), equalTo(List.of("customerEmail", "remarks")));
    }

    private static List<String> fieldsNamedLikePersonalData(JsonNode schema) {
        List<String> offending = new ArrayList<>();
        collectProperties(schema, "", (path, definition) -> {
            String field = path.substring(path.lastIndexOf('.') + 1);
            if (PERSONAL_DATA_NAME.matcher(field).matches()) {
                offending.add(path);
            }
        });
        return offending;
    }

    private static List<String> freeTextFields(JsonNode schema) {
        List<String> freeText = new ArrayList<>();
        collectProperties(schema, "", (path, definition) -> {
            JsonNode resolved = resolve(schema, definition);
            JsonNode items = resolved.get("items");
            if (items != null) {
                resolved = resolve(schema, items);
            }
            if (allowsString(resolved) && !isConstrained(resolved)) {
                freeText.add(path);
            }
        });
        return freeText;
    }

    private static void collectProperties(JsonNode schema, String prefix,
                                          java.util.function.BiConsumer<String, JsonNode> visitor) {
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
                visitor.accept(path, property.getValue());
                collectProperties(property.getValue(), path, visitor);
                JsonNode items = property.getValue().get("items");
                if (items != null) {
                    collectProperties(items, path, visitor);
                }
            }
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode definition) {
        JsonNode ref = definition.get("$ref");
        if (ref == null) {
            return definition;
        }
        return root.at(ref.asText().substring(1));
    }

    private static boolean allowsString(JsonNode definition) {
        JsonNode type = definition.get("type");
        if (type == null) {
            return definition.get("enum") == null && definition.get("const") == null
                    && definition.get("properties") == null;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals("string")) {
                    return true;
                }
            }
            return false;
        }
        return type.asText().equals("string");
    }

    private static boolean isConstrained(JsonNode definition) {
        JsonNode format = definition.get("format");
        return definition.has("enum") || definition.has("const") || definition.has("pattern")
                || (format != null && SAFE_STRING_FORMATS.contains(format.asText()));
    }
}
