package com.justelegance.privacy.events;

import com.justelegance.privacy.events.codes.Courier;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.PaymentProvider;
import com.justelegance.privacy.events.codes.SalesChannel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Decoding is strict about the contract, tolerant of additions, and never repeats a record's content. */
class EventCodecTest {

    private static final String PERSONAL = "jane.doe@example.com";

    @Test
    void anEncodedEventDecodesToAnEqualEvent() {
        EventEnvelope<OrderPlaced> event = EventEnvelope.create("cust-1", "storefront", Instant.parse("2026-11-24T10:15:00Z"),
                new OrderPlaced("ord-1", SalesChannel.AMAZON, Courier.ROYAL_MAIL, null));

        assertThat(EventCodec.decode(EventCodec.encode(event)), equalTo(event));
    }

    @Test
    void malformedJsonIsRefusedWithoutQuotingIt() {
        EventDecodingException e = assertThrows(EventDecodingException.class,
                () -> EventCodec.decode("{\"subjectId\": " + PERSONAL + "}"));

        assertThat(e.getMessage(), containsString("Malformed JSON"));
        assertThat(e.getMessage(), not(containsString(PERSONAL)));
    }

    @Test
    void anEmailAddressAsSubjectIdIsRefusedWithoutQuotingIt() {
        String json = sample("OrderPlaced").replace("cust-000042", PERSONAL);

        EventDecodingException e = assertThrows(EventDecodingException.class, () -> EventCodec.decode(json));

        assertThat(e.getMessage(), containsString("subjectId"));
        assertThat(e.getMessage(), not(containsString(PERSONAL)));
    }

    @Test
    void aMistypedPayloadFieldIsRefusedWithoutQuotingIt() {
        String json = sample("OrderPlaced").replace("\"DPD\"", "\"" + PERSONAL + "\"");

        EventDecodingException e = assertThrows(EventDecodingException.class, () -> EventCodec.decode(json));

        assertThat(e.getMessage(), containsString("courier"));
        assertThat(e.getMessage(), not(containsString(PERSONAL)));
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        String json = sample("OrderPlaced").replace("\"salesChannel\": \"WEBSITE\", ", "");

        EventDecodingException e = assertThrows(EventDecodingException.class, () -> EventCodec.decode(json));

        assertThat(e.getMessage(), containsString("salesChannel"));
    }

    @Test
    void anUnknownEventTypeIsRefused() {
        String json = sample("AccountOpened").replace("\"eventType\": \"AccountOpened\"", "\"eventType\": \"Surprise\"");

        assertThrows(EventDecodingException.class, () -> EventCodec.decode(json));
    }

    @Test
    void aFieldAddedByANewerProducerIsIgnored() {
        String json = sample("AccountOpened").replace("\"accountId\"", "\"addedLater\": 7, \"accountId\"");

        assertThat(EventCodec.decode(json).payload(), instanceOf(AccountOpened.class));
    }

    @Test
    void eventsWithListsCanBeBuiltFromImmutableListsAndRefuseNullElements() {
        RectificationRequested corrected = new RectificationRequested("dsr-1", List.of(DataCategory.PHONE));
        assertThat(corrected.categories(), equalTo(List.of(DataCategory.PHONE)));
        assertThrows(IllegalArgumentException.class,
                () -> new RectificationRequested("dsr-1", java.util.Arrays.asList(DataCategory.PHONE, null)));
    }

    @Test
    void anEnvelopeWhoseTypeContradictsItsPayloadCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new EventEnvelope<>(java.util.UUID.randomUUID(),
                "OrderPlaced", 1, Instant.now(), "cust-1", "storefront", null, new AccountOpened("acc-1")));
    }

    private static String sample(String wireName) {
        return EventSchemas.readText("samples/" + wireName + ".v1.json");
    }
}
