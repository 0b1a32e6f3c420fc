package com.justelegance.privacy.disclosure.domain;

import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A notice goes to the recipient's API or to a person, ends acknowledged or with a justified reason, and lets go of
 * the recipient's references to the subject's data once closed.
 */
class RecipientNoticeTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void anApiRecipientsNoticeIsDeliveredByTheServiceAndAPortalRecipientsIsATask() {
        assertThat(notice(NoticeChannel.API, "https://r.example/notices").status(), equalTo(NoticeStatus.DELIVERING));
        assertThat(notice(NoticeChannel.PORTAL, "https://r.example/privacy").status(),
                equalTo(NoticeStatus.TASK_OPEN));
    }

    @Test
    void itIsOverdueOnlyWhileOpenAfterTheRecipientsResponseTime() {
        RecipientNotice notice = notice(NoticeChannel.NONE, null);
        Instant afterDue = NOW.plus(Duration.ofDays(31));
        assertThat(notice.overdue(NOW.plus(Duration.ofDays(29))), equalTo(false));
        assertThat(notice.overdue(afterDue), equalTo(true));
        notice.recordOutcome(NoticeStatus.ACKNOWLEDGED, null, NOW);
        assertThat(notice.overdue(afterDue), equalTo(false));
    }

    @Test
    void closingItClearsTheRecipientsReferences() {
        RecipientNotice notice = notice(NoticeChannel.PORTAL, "https://r.example/privacy");
        assertThat(notice.recipientReferences(), contains("ord-1"));
        notice.recordOutcome(NoticeStatus.SENT, null, NOW);
        assertThat(notice.recipientReferences(), contains("ord-1"));
        notice.recordOutcome(NoticeStatus.DISPROPORTIONATE, "Recipient ceased trading", NOW);
        assertThat(notice.recipientReferences(), empty());
    }

    @Test
    void impossibleOrDisproportionateNeedsAReasonAndAClosedNoticeStaysClosed() {
        RecipientNotice notice = notice(NoticeChannel.NONE, null);
        assertThrows(IllegalArgumentException.class, () -> notice.recordOutcome(NoticeStatus.IMPOSSIBLE, " ", NOW));
        notice.recordOutcome(NoticeStatus.IMPOSSIBLE, "No contact exists for this agency", NOW);
        assertThrows(IllegalStateException.class, () -> notice.recordOutcome(NoticeStatus.SENT, null, NOW));
    }

    @Test
    void anApiThatKeepsFailingHandsTheNoticeToAPerson() {
        RecipientNotice notice = notice(NoticeChannel.API, "https://r.example/notices");
        notice.deliveryFailed("HTTP 503", NOW.plusSeconds(30));
        assertThat(notice.status(), equalTo(NoticeStatus.DELIVERING));
        notice.deliveryFailed("HTTP 503", null);
        assertThat(notice.status(), equalTo(NoticeStatus.TASK_OPEN));
        assertThat(notice.attempts(), equalTo(2));
    }

    private static RecipientNotice notice(NoticeChannel channel, String address) {
        Recipient recipient = new Recipient("R", new RecipientTerms("R", RecipientCategory.COURIER,
                RecipientRole.PROCESSOR, Set.of(DataCategory.CONTACT_NAME), "Delivering orders", LawfulBasis.CONTRACT,
                null, "GB", TransferSafeguard.NOT_A_TRANSFER, null, channel, address, 30));
        return new RecipientNotice(NoticeKind.ERASURE, "req-1", "ref", recipient, Set.of(DataCategory.CONTACT_NAME),
                List.of("ord-1"), false, NOW);
    }
}
