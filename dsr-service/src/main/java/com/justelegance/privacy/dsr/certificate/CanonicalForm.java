package com.justelegance.privacy.dsr.certificate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.TreeMap;

/**
 * The bytes an erasure certificate's signature covers, which anyone holding the certificate can rebuild from its
 * JSON: the certificate object, UTF-8, with
 * <ul>
 *     <li>the keys of every object sorted (by UTF-16 code units, which for the certificate's ASCII keys is
 *     alphabetical order), arrays in their order;</li>
 *     <li>no whitespace between tokens;</li>
 *     <li>every field present, a missing value as {@code null};</li>
 *     <li>strings as written by JSON (only {@code "} and {@code \} escaped; a certificate has no control
 *     characters), non-ASCII characters as themselves; counts as integers;</li>
 *     <li>dates as ISO {@code 2026-03-02}, instants as ISO UTC to the second {@code 2026-03-02T10:15:30Z}, ids and
 *     codes as strings.</li>
 * </ul>
 * For anything a certificate can hold this is the JSON Canonicalization Scheme (RFC 8785), so its libraries
 * reproduce it too.
 */
final class CanonicalForm {

    /** Only for the certificate's values: independent of how the REST layer's mapper is configured. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private CanonicalForm() {
    }

    /** The canonical bytes of a certificate. */
    static byte[] of(ErasureCertificate certificate) {
        return of(MAPPER.<JsonNode>valueToTree(certificate));
    }

    /** The canonical bytes of a certificate's JSON as presented, unchanged otherwise. */
    static byte[] of(JsonNode certificate) {
        try {
            return MAPPER.writeValueAsBytes(sorted(certificate));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a JSON tree", e);
        }
    }

    /** The same tree with every object's keys in order. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), sorted(field.getValue())));
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            fields.forEach(sorted::set);
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> sorted.add(sorted(element)));
            return sorted;
        }
        return node;
    }
}
