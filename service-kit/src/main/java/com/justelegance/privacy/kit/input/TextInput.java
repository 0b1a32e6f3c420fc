package com.justelegance.privacy.kit.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Applies {@link TextRules} to every string read from a JSON body, in every service, before any resource or
 * validator sees it: one place instead of an annotation on each of the many free-text fields. A refused string
 * fails deserialisation with {@link UnacceptableTextException}, which Jackson decorates with the field's path and
 * the kit renders as a 400 naming that field.
 */
@Singleton
public class TextInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("privacy-text-rules")
                .addDeserializer(String.class, new CheckedStringDeserializer()));
    }

    /** Jackson's own string reading, then the rules. */
    static final class CheckedStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            var violation = TextRules.violation(text);
            if (violation.isPresent()) {
                throw new UnacceptableTextException(parser, violation.get());
            }
            return text;
        }
    }

    /**
     * A string in a request body that breaks {@link TextRules}; the message is the rule, never the text. A
     * {@link MismatchedInputException} because Quarkus REST passes those on to the exception mappers as they are,
     * where other Jackson errors arrive wrapped in a bare 400.
     */
    public static final class UnacceptableTextException extends MismatchedInputException {

        private final String rule;

        UnacceptableTextException(JsonParser parser, String rule) {
            super(parser, rule, String.class);
            this.rule = rule;
        }

        /** The rule broken, phrased to follow the field name: "must not contain control characters". */
        public String rule() {
            return rule;
        }
    }
}
