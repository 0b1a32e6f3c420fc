package com.justelegance.privacy.disclosure.rest;

import com.justelegance.privacy.disclosure.domain.NoticeKind;
import com.justelegance.privacy.disclosure.domain.NoticeStatus;
import com.justelegance.privacy.disclosure.domain.RecipientNotice;
import com.justelegance.privacy.events.codes.DataCategory;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the Art. 19 notice API. */
public final class NoticeDtos {

    private NoticeDtos() {
    }

    /**
     * A notice as the API shows it.
     *
     * @param recipientReferences what the recipient knows the data by (order ids, its case reference); empty once
     *                            the notice is closed
     * @param lastError           why the last delivery attempt failed, or why it became a task for a person
     * @param withheldFromSubject the notice went to a recipient of disclosures withheld from the subject
     */
    public record NoticeView(UUID id, NoticeKind kind, String requestId, String recipient, NoticeStatus status,
                             List<DataCategory> dataCategories, List<String> recipientReferences,
                             Instant createdAt, Instant dueAt, boolean overdue, int attempts, String lastError,
                             Instant sentAt, Instant closedAt, String outcomeNote, boolean withheldFromSubject) {

        static NoticeView of(RecipientNotice n, Instant now) {
            return new NoticeView(n.id(), n.kind(), n.requestId(), n.recipientCode(), n.status(),
                    n.dataCategories(), n.recipientReferences(), n.createdAt(), n.dueAt(), n.overdue(now),
                    n.attempts(), n.lastError(), n.sentAt(), n.closedAt(), n.outcomeNote(), n.withheldFromSubject());
        }
    }

    /**
     * What a person did with a notice: SENT, ACKNOWLEDGED, or IMPOSSIBLE / DISPROPORTIONATE with the reason.
     *
     * @param explanation required for IMPOSSIBLE and DISPROPORTIONATE; about the recipient, never the person
     */
    public record OutcomeRequest(@NotNull NoticeStatus outcome, @Size(max = 1000) String explanation) {
    }
}
