package com.justelegance.privacy.retention.rest;

import com.justelegance.privacy.retention.domain.LegalHold;
import com.justelegance.privacy.retention.domain.LegalHoldReason;
import com.justelegance.privacy.retention.repository.HoldRepository;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the holds API. */
public final class HoldDtos {

    /** Case or matter references: letters, digits and {@code / _ . : -}; never a name or free text. */
    public static final String REFERENCE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9/_.:-]{0,63}$";

    private HoldDtos() {
    }

    /**
     * A legal hold to place.
     *
     * @param reference the case or matter it belongs to, e.g. {@code LIT-2026-014}
     * @param endsOn    the last day it holds (UTC), or null until released
     */
    public record LegalHoldRequest(@NotNull LegalHoldReason reason,
                                   @NotNull @Pattern(regexp = REFERENCE_PATTERN) String reference,
                                   LocalDate endsOn) {
    }

    /** A legal hold as placed, and released if it was. */
    public record LegalHoldView(UUID holdId, String subjectId, LegalHoldReason reason, String reference,
                                LocalDate endsOn, Instant placedAt, String placedBy, Instant releasedAt,
                                String releasedBy) {

        static LegalHoldView of(LegalHold hold) {
            return new LegalHoldView(hold.id(), hold.subjectId(), hold.reason(), hold.reference(), hold.endsOn(),
                    hold.placedAt(), hold.placedBy(), hold.releasedAt(), hold.releasedBy());
        }
    }

    /** What holds a subject; {@code held} is whether any of it does today. */
    public record SubjectHoldsView(String subjectId, boolean held, List<LegalHoldView> legalHolds,
                                   List<OpenComplaint> openComplaints, List<OpenRequest> openRequests) {
    }

    /** An open complaint of a subject. */
    public record OpenComplaint(String complaintId, Instant openedAt) {

        static OpenComplaint of(HoldRepository.OpenComplaint complaint) {
            return new OpenComplaint(complaint.complaintId(), complaint.openedAt());
        }
    }

    /** An open data-subject request of a subject. */
    public record OpenRequest(String requestId, String requestType, Instant openedAt) {

        static OpenRequest of(HoldRepository.OpenRequest request) {
            return new OpenRequest(request.requestId(), request.requestType(), request.openedAt());
        }
    }
}
