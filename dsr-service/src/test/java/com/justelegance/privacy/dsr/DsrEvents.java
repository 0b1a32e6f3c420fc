package com.justelegance.privacy.dsr;

import com.justelegance.privacy.events.ErasureCompleted;
import com.justelegance.privacy.events.ErasureCompleted.ErasedRecords;
import com.justelegance.privacy.events.ErasureCompleted.WithheldRecords;
import com.justelegance.privacy.events.ErasureRequested;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TopicProbe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The other services' side of an erasure, as the tests play it on the real broker. */
public final class DsrEvents {

    /** The participants dsr-service's erasures wait for (its configuration). */
    public static final List<String> PARTICIPANTS = List.of("consent-service", "retention-service",
            "disclosure-service", "storefront");

    private DsrEvents() {
    }

    /** A participant's receipt for the erasure request; consent-service reports three consent records erased. */
    public static EventEnvelope<ErasureCompleted> receipt(EventEnvelope<?> requested, String participant,
                                                          List<WithheldRecords> kept) {
        String requestId = ((ErasureRequested) requested.payload()).requestId();
        List<ErasedRecords> erased = participant.equals("consent-service")
                ? List.of(new ErasedRecords(DataCategory.CONSENT_RECORDS, 3)) : List.of();
        return EventEnvelope.create(requested.subjectId(), participant, Instant.now(), requested.eventId(),
                new ErasureCompleted(requestId, participant, erased, kept, Instant.now()));
    }

    /** Requests the erasure of an erasure case with a resolved subject and answers it from every participant. */
    public static void completeErasure(String caseId) {
        String subject = DsrApi.view(caseId).extract().path("subjectId");
        try (TopicProbe requests = TopicProbe.open(Topics.ERASURE_REQUESTS)) {
            DsrApi.officer(caseId, "erasure", null).statusCode(200);
            EventEnvelope<?> requested = requests.awaitEvent(event -> subject.equals(event.subjectId()));
            PARTICIPANTS.forEach(participant -> TestEvents.publish(receipt(requested, participant, List.of())));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> DsrApi.view(caseId)
                .body("status", equalTo("COMPLETED")));
    }
}
