package com.justelegance.privacy.disclosure;

import com.justelegance.privacy.events.ConsentChanged;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.justelegance.privacy.disclosure.DisclosureEvents.consentChanged;
import static com.justelegance.privacy.disclosure.DisclosureEvents.newSubject;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * consent-service's events can reach this service out of order (a retry, a replay, two instances): a late
 * ConsentChanged that took effect before the one already applied must not overwrite it, neither in the projection
 * nor in the sharing gate's answer. A withdrawal overtaken by an older grant is the case that matters most.
 */
@QuarkusTest
class ConsentEventOrderTest {

    private static final String AUDIENCES = "SOCIAL_MEDIA_AUDIENCES";
    private static final Instant GRANTED_AT = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant WITHDRAWN_AT = GRANTED_AT.plus(Duration.ofDays(3));

    @Inject
    EntityManager entityManager;

    @Test
    void aLateOlderGrantDoesNotOverturnANewerWithdrawal() {
        String subject = newSubject();
        TestEvents.publish(consentChanged(subject, AUDIENCES, ConsentState.WITHDRAWN, WITHDRAWN_AT));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(subject)
                .body("consentState", equalTo("WITHDRAWN")));

        EventEnvelope<ConsentChanged> lateGrant = consentChanged(subject, AUDIENCES, ConsentState.GRANTED,
                GRANTED_AT);
        TestEvents.publish(lateGrant);

        // The inbox row is written in the transaction that applied the event: it has been applied.
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(lateGrant.eventId()));
        check(subject)
                .body("allowed", equalTo(false))
                .body("reason", equalTo("CONSENT_NOT_GRANTED"))
                .body("consentState", equalTo("WITHDRAWN"));
        assertThat(projected(subject), equalTo("WITHDRAWN@" + WITHDRAWN_AT));
    }

    @Test
    void aLateOlderWithdrawalDoesNotOverturnANewerGrant() {
        String subject = newSubject();
        TestEvents.publish(consentChanged(subject, AUDIENCES, ConsentState.GRANTED, WITHDRAWN_AT));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(subject)
                .body("consentState", equalTo("GRANTED")));

        EventEnvelope<ConsentChanged> lateWithdrawal = consentChanged(subject, AUDIENCES, ConsentState.WITHDRAWN,
                GRANTED_AT);
        TestEvents.publish(lateWithdrawal);

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(lateWithdrawal.eventId()));
        check(subject)
                .body("allowed", equalTo(true))
                .body("consentState", equalTo("GRANTED"));
        assertThat(projected(subject), equalTo("GRANTED@" + WITHDRAWN_AT));
    }

    private static ValidatableResponse check(String subject) {
        return DisclosureApi.as(Roles.MARKETING)
                .when().get("/api/v1/sharing-checks?subjectId={s}&recipient=FACEBOOK&purpose={p}", subject,
                        AUDIENCES)
                .then().statusCode(200);
    }

    /** The projection's row for the subject and purpose, as state@effectiveAt. */
    private String projected(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery("""
                            SELECT state, to_char(effective_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                            FROM subject_consent WHERE subject_id = :subject AND purpose_code = :purpose""")
                    .setParameter("subject", subject)
                    .setParameter("purpose", AUDIENCES)
                    .getSingleResult();
            return row[0] + "@" + row[1];
        });
    }

    private boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .setParameter("id", eventId)
                .getSingleResult()).longValue() > 0);
    }
}
