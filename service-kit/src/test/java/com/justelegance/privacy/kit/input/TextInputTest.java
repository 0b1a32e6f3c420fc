package com.justelegance.privacy.kit.input;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every string of a request body passes the text rules wherever it sits (a field, a list, a map value), and the
 * refusal knows the field's path but not the text.
 */
class TextInputTest {

    record Choice(String purpose, String note) {
    }

    record Request(String description, List<Choice> choices, List<String> tags, Map<String, String> labels) {
    }

    private final ObjectMapper json = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new TextInput().customize(mapper);
        return mapper;
    }

    @Test
    void cleanTextIsReadAsSent() throws Exception {
        Request request = json.readValue("""
                {"description": "Café\\nnews", "choices": [{"purpose": "EMAIL", "note": "ok"}],
                 "tags": ["a"], "labels": {"k": "v"}}""", Request.class);

        assertThat(request.description(), equalTo("Café\nnews"));
        assertThat(request.choices().get(0).note(), equalTo("ok"));
    }

    @Test
    void aNulInANestedFieldIsRefusedNamingThePath() {
        TextInput.UnacceptableTextException refused = assertThrows(TextInput.UnacceptableTextException.class,
                () -> json.readValue("""
                        {"choices": [{"purpose": "EMAIL"}, {"purpose": "SMS", "note": "secret\\u0000name"}]}""",
                        Request.class));

        assertThat(refused.rule(), equalTo("must not contain control characters"));
        assertThat(refused.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                : "[" + r.getIndex() + "]").toList(), contains("choices", "[1]", "note"));
        assertThat(refused.getMessage(), not(containsString("secret")));
    }

    @Test
    void listElementsAndMapValuesAreCheckedToo() {
        assertThrows(TextInput.UnacceptableTextException.class,
                () -> json.readValue("{\"tags\": [\"ok\", \"bad\\u0001\"]}", Request.class));
        assertThrows(TextInput.UnacceptableTextException.class,
                () -> json.readValue("{\"labels\": {\"k\": \"bad\\u001b\"}}", Request.class));
        assertThrows(TextInput.UnacceptableTextException.class,
                () -> json.readValue("{\"description\": \"" + "x".repeat(TextRules.MAX_LENGTH + 1) + "\"}",
                        Request.class));
    }

    @Test
    void aMisspeltFieldIsRefusedNotIgnored() {
        JsonMappingException refused = assertThrows(JsonMappingException.class,
                () -> json.readValue("{\"descriptoin\": \"x\"}", Request.class));

        assertThat(refused.getPath().get(0).getFieldName(), equalTo("descriptoin"));
    }
}
