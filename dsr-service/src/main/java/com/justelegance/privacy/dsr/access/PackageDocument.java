package com.justelegance.privacy.dsr.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.justelegance.privacy.events.codes.SubjectRequestType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answer to an access (UK GDPR Art. 15) or portability (Art. 20) request, as the requester downloads it: one
 * section per source with that source's data in its own shape (machine-readable, for portability), and the
 * supplementary information Art. 15(1)(a)-(h) and (2) ask for. The readable report and the PDF are rendered from
 * this document ({@link PackageReport}); it is stored only encrypted under the case's key.
 *
 * @param complete       false when a source could not be read; {@code missingSources} then names it
 * @param sections       by source code ({@code storefront}, {@code consent-service}, ...), in a fixed order
 */
public record PackageDocument(UUID packageId, String caseReference, SubjectRequestType requestType,
                              String subjectId, LocalDate requestReceivedOn, Instant preparedAt, String controller,
                              String contact, boolean complete, List<String> missingSources,
                              Map<String, Section> sections, SupplementaryInformation supplementaryInformation) {

    /**
     * One source's part.
     *
     * @param outcome {@code INCLUDED}, {@code NOTHING_HELD} or {@code MISSING}
     * @param data    what the source holds, as it gave it; null unless included
     */
    public record Section(String source, String title, String holds, GatheredData.Outcome outcome, JsonNode data) {
    }

    /** What Art. 15(1) and (2) ask for besides the data itself. */
    public record SupplementaryInformation(List<Purpose> purposes, List<String> categoriesOfData,
                                          List<Recipient> recipients, List<Retention> retention,
                                          List<Origin> sourcesOfData, List<Right> rights, Complaint complaint) {
    }

    /** Why we hold some of the data, and on what lawful basis (shared-events {@code LawfulBasis} codes). */
    public record Purpose(String data, String purpose, List<String> lawfulBasis) {
    }

    /** Someone we passed the data to (from disclosure-service; withheld disclosures are not listed). */
    public record Recipient(String name, String category, List<String> dataCategories, Instant lastDisclosedAt) {
    }

    /** How long some of the data is kept, or the criteria that decide it. */
    public record Retention(String data, String period) {
    }

    /** Where some of the data came from. */
    public record Origin(String data, String source) {
    }

    /** A right the requester has, and how to use it. */
    public record Right(String right, String article, String howToUseIt) {
    }

    /** The right to complain to the ICO (Art. 15(1)(f)). */
    public record Complaint(String authority, String url, String phone, String note) {
    }
}
