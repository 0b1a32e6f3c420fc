package com.justelegance.privacy.kit.restriction;

import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.EventPayload;
import com.justelegance.privacy.events.ProcessingRestricted;
import com.justelegance.privacy.events.ProcessingRestrictionLifted;
import com.justelegance.privacy.events.SubjectRequestOpened;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import com.justelegance.privacy.kit.crypto.KeyedHash;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions.Changes;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions.RequestRestriction;
import com.justelegance.privacy.kit.restriction.SubjectRestrictions.Restriction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * The kit's restriction of processing (Art. 18) on the real database: overlapping restrictions, a lift that is final,
 * a lift that arrives before its restriction, redelivery, subjects erased here, and erasing a subject's records. The
 * services' tests cover the same through their consumers and APIs.
 */
@QuarkusTest
class SubjectRestrictionsTest {

    private static final Instant FIRST_AT = Instant.parse("2026-06-01T09:00:00Z");
    private static final Instant SECOND_AT = Instant.parse("2026-06-10T09:00:00Z");
    private static final Instant LIFTED_AT = Instant.parse("2026-07-01T09:00:00Z");

    @Inject
    SubjectRestrictions restrictions;

    @Inject
    EntityManager entityManager;

    @Inject
    KeyedHash keyedHash;

    @Test
    void overlappingRestrictionsKeepTheSubjectRestrictedUntilTheLastIsLifted() {
        String subject = newSubject();

        Changes first = apply(restricted(subject, "dsr-first", FIRST_AT));
        Changes second = apply(restricted(subject, "dsr-second", SECOND_AT));

        assertThat(first.tookHold(), contains(new RequestRestriction(subject, "dsr-first")));
        assertThat(first.newlyRestricted(), contains(subject));
        assertThat(second.tookHold(), contains(new RequestRestriction(subject, "dsr-second")));
        assertThat(second.newlyRestricted(), empty());

        Changes firstLifted = apply(lifted(subject, "dsr-first", LIFTED_AT));

        assertThat(firstLifted.lifted(), contains(new RequestRestriction(subject, "dsr-first")));
        assertThat(firstLifted.noLongerRestricted(), empty());
        assertThat(isRestricted(subject), equalTo(true));

        Changes lastLifted = apply(lifted(subject, "dsr-second", LIFTED_AT));

        assertThat(lastLifted.noLongerRestricted(), contains(subject));
        assertThat(isRestricted(subject), equalTo(false));
        assertThat(restrictionsOf(subject), contains(new Restriction("dsr-first", FIRST_AT, LIFTED_AT),
                new Restriction("dsr-second", SECOND_AT, LIFTED_AT)));
    }

    @Test
    void aLiftIsFinalAndARedeliveredEventChangesNothing() {
        String subject = newSubject();
        EventEnvelope<ProcessingRestricted> restriction = restricted(subject, "dsr-once", FIRST_AT);
        EventEnvelope<ProcessingRestrictionLifted> lift = lifted(subject, "dsr-once", LIFTED_AT);
        apply(restriction);

        Changes redelivered = apply(restriction);

        assertThat(redelivered, equalTo(Changes.NONE));
        apply(lift);
        assertThat(apply(lift), equalTo(Changes.NONE));

        // dsr-service announcing the lifted restriction again, as a new event.
        Changes again = apply(restricted(subject, "dsr-once", SECOND_AT));

        assertThat(again, equalTo(Changes.NONE));
        assertThat(isRestricted(subject), equalTo(false));
        assertThat(restrictionsOf(subject), contains(new Restriction("dsr-once", FIRST_AT, LIFTED_AT)));
    }

    @Test
    void aLiftThatArrivesBeforeItsRestrictionKeepsTheRestrictionFromTakingHold() {
        String subject = newSubject();

        Changes early = apply(lifted(subject, "dsr-late", LIFTED_AT));

        assertThat(early.lifted(), contains(new RequestRestriction(subject, "dsr-late")));
        assertThat(early.noLongerRestricted(), empty());
        // A lift alone is no restriction to show.
        assertThat(restrictionsOf(subject), empty());

        Changes late = apply(restricted(subject, "dsr-late", FIRST_AT));

        assertThat(late, equalTo(Changes.NONE));
        assertThat(isRestricted(subject), equalTo(false));
        assertThat(restrictionsOf(subject), contains(new Restriction("dsr-late", FIRST_AT, LIFTED_AT)));
    }

    @Test
    void aBatchReportsEachSubjectsChangeAndLeavesOtherRequestEventsAlone() {
        String restrictedOnly = newSubject();
        String restrictedAndLifted = newSubject();
        String openedOnly = newSubject();

        Changes changes = apply(
                EventEnvelope.create(openedOnly, "dsr-service", FIRST_AT,
                        new SubjectRequestOpened("dsr-access", SubjectRequestType.ACCESS)),
                restricted(restrictedOnly, "dsr-a", FIRST_AT),
                restricted(restrictedAndLifted, "dsr-b", FIRST_AT),
                lifted(restrictedAndLifted, "dsr-b", LIFTED_AT));

        assertThat(changes.tookHold(), contains(new RequestRestriction(restrictedOnly, "dsr-a"),
                new RequestRestriction(restrictedAndLifted, "dsr-b")));
        assertThat(changes.lifted(), contains(new RequestRestriction(restrictedAndLifted, "dsr-b")));
        // Restricted and lifted within the batch: restricted neither before nor after it.
        assertThat(changes.newlyRestricted(), contains(restrictedOnly));
        assertThat(changes.noLongerRestricted(), empty());
        assertThat(QuarkusTransaction.requiringNew().call(() -> restrictions.restrictedAmong(
                List.of(restrictedOnly, restrictedAndLifted, openedOnly))), contains(restrictedOnly));
        assertThat(restrictionsOf(openedOnly), empty());
    }

    @Test
    void aSubjectErasedHereIsNotRestrictedAgain() {
        String subject = newSubject();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO subject_tombstone (subject_ref, request_id, reason, erased_at, erasures)
                        VALUES (:ref, 'era-1', 'DATA_SUBJECT_REQUEST', now(), 1)""")
                .setParameter("ref", keyedHash.subjectRef(subject))
                .executeUpdate());

        Changes changes = apply(restricted(subject, "dsr-after-erasure", FIRST_AT),
                lifted(subject, "dsr-other", LIFTED_AT));

        assertThat(changes, equalTo(Changes.NONE));
        assertThat(rowsOf(subject), equalTo(0L));
    }

    @Test
    void erasingASubjectDeletesEveryRecordOfItsRestrictionsAndNoOneElses() {
        String subject = newSubject();
        String other = newSubject();
        apply(restricted(subject, "dsr-in-force", FIRST_AT),
                restricted(subject, "dsr-lifted", FIRST_AT), lifted(subject, "dsr-lifted", LIFTED_AT),
                lifted(subject, "dsr-only-lifted", LIFTED_AT),
                restricted(other, "dsr-other", FIRST_AT));

        int erased = QuarkusTransaction.requiringNew().call(() -> restrictions.eraseSubject(subject));

        assertThat(erased, equalTo(3));
        assertThat(rowsOf(subject), equalTo(0L));
        assertThat(isRestricted(other), equalTo(true));
    }

    private Changes apply(EventEnvelope<?>... events) {
        return QuarkusTransaction.requiringNew().call(() -> restrictions.apply(Arrays.asList(events)));
    }

    private boolean isRestricted(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> restrictions.isRestricted(subject));
    }

    private List<Restriction> restrictionsOf(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> restrictions.restrictionsOf(subject));
    }

    private long rowsOf(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM processing_restriction WHERE subject_id = :s")
                .setParameter("s", subject).getSingleResult()).longValue());
    }

    private static EventEnvelope<ProcessingRestricted> restricted(String subject, String request, Instant at) {
        return event(subject, at, new ProcessingRestricted(request));
    }

    private static EventEnvelope<ProcessingRestrictionLifted> lifted(String subject, String request, Instant at) {
        return event(subject, at, new ProcessingRestrictionLifted(request));
    }

    private static <P extends EventPayload> EventEnvelope<P> event(String subject, Instant at, P payload) {
        return EventEnvelope.create(subject, "dsr-service", at, payload);
    }

    private static String newSubject() {
        return "sub-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
