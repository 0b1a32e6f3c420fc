package com.justelegance.privacy.retention.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The policy's rules turn a subject's anchors into the date their data must go. */
class RetentionPolicyTest {

    private static final Instant CONTACT = Instant.parse("2026-03-10T09:00:00Z");

    private static final RetentionPolicy SEEDED = new RetentionPolicy(List.of(
            term("GENERAL", RetentionAnchor.LAST_CONTACT, "P6Y"),
            term("ACCOUNT_DATA", RetentionAnchor.ACCOUNT_CLOSED, "P0D"),
            term("ORDER_AND_PAYMENT_RECORDS", RetentionAnchor.ORDER_DATE, "P6Y")));

    @Test
    void withoutAnAccountDataGoesSixYearsAfterTheLastContact() {
        SubjectAnchors subject = new SubjectAnchors(CONTACT, CONTACT.minusSeconds(86_400), null, null, null, null);

        assertThat(SEEDED.erasureDueAt(subject), equalTo(Optional.of(Instant.parse("2032-03-10T09:00:00Z"))));
    }

    @Test
    void whileTheAccountIsOpenNothingIsDue() {
        SubjectAnchors subject = new SubjectAnchors(CONTACT, null, CONTACT.minusSeconds(3600), null, null, null);

        assertThat(SEEDED.erasureDueAt(subject), equalTo(Optional.empty()));
    }

    @Test
    void aReopenedAccountIsOpenAgain() {
        Instant closed = CONTACT.minusSeconds(7200);
        SubjectAnchors subject = new SubjectAnchors(CONTACT, null, CONTACT, closed, null, null);

        assertThat(subject.accountOpen(), equalTo(true));
        assertThat(SEEDED.erasureDueAt(subject), equalTo(Optional.empty()));
    }

    @Test
    void onceTheAccountIsClosedTheLaterOfAllApplicableRulesCounts() {
        SubjectAnchors subject = new SubjectAnchors(CONTACT, null, CONTACT.minusSeconds(3600), CONTACT, null, null);

        assertThat(SEEDED.erasureDueAt(subject), equalTo(Optional.of(Instant.parse("2032-03-10T09:00:00Z"))));
    }

    @Test
    void aLongerRuleForOrdersKeepsASubjectWhoOrderedLonger() {
        RetentionPolicy policy = new RetentionPolicy(List.of(term("GENERAL", RetentionAnchor.LAST_CONTACT, "P6Y"),
                term("ORDER_AND_PAYMENT_RECORDS", RetentionAnchor.ORDER_DATE, "P7Y")));
        Instant order = CONTACT.minusSeconds(86_400);

        assertThat(policy.erasureDueAt(new SubjectAnchors(CONTACT, order, null, null, null, null)),
                equalTo(Optional.of(Instant.parse("2033-03-09T09:00:00Z"))));
        assertThat(policy.erasureDueAt(new SubjectAnchors(CONTACT, null, null, null, null, null)),
                equalTo(Optional.of(Instant.parse("2032-03-10T09:00:00Z"))));
    }

    @Test
    void aConsentWithdrawalRuleAppliesOnlyToSubjectsWhoWithdrew() {
        RetentionPolicy policy = new RetentionPolicy(List.of(term("GENERAL", RetentionAnchor.LAST_CONTACT, "P1Y"),
                term("CONSENT_PROOF", RetentionAnchor.CONSENT_WITHDRAWN, "P3Y")));

        assertThat(policy.erasureDueAt(new SubjectAnchors(CONTACT, null, null, null, CONTACT, null)),
                equalTo(Optional.of(Instant.parse("2029-03-10T09:00:00Z"))));
        assertThat(policy.erasureDueAt(new SubjectAnchors(CONTACT, null, null, null, null, null)),
                equalTo(Optional.of(Instant.parse("2027-03-10T09:00:00Z"))));
    }

    @Test
    void dataThatReappearedAfterErasureIsDueFromTheMomentItReappeared() {
        Instant reappeared = Instant.parse("2033-01-01T00:00:00Z");

        assertThat(SEEDED.erasureDueAt(new SubjectAnchors(CONTACT, null, CONTACT, null, null, reappeared)),
                equalTo(Optional.of(reappeared)));
    }

    @Test
    void mergingAnchorsKeepsTheLaterOfEachWhateverTheOrder() {
        SubjectAnchors newer = new SubjectAnchors(CONTACT, CONTACT, null, null, null, null);
        SubjectAnchors older = new SubjectAnchors(CONTACT.minusSeconds(60), null, CONTACT.minusSeconds(60), null,
                null, null);

        assertThat(newer.merge(older), equalTo(older.merge(newer)));
        assertThat(newer.merge(older), equalTo(new SubjectAnchors(CONTACT, CONTACT, CONTACT.minusSeconds(60), null,
                null, null)));
    }

    private static RetentionPolicy.Term term(String category, RetentionAnchor anchor, String period) {
        return new RetentionPolicy.Term(category, anchor, RetentionPeriod.parse(period));
    }
}
