package com.justelegance.privacy.dsr.access;

import java.time.Instant;
import java.util.List;

/**
 * Something a source marked as withheld from the subject, left out of the package and listed for the privacy
 * officer on the case: today only disclosure-service's disclosures withheld under DPA 2018 Sch. 2 para. 2 (to the
 * police or fraud prevention, where telling would prejudice crime prevention). Stored encrypted with the case.
 */
public record WithheldItem(String source, String recipient, String recipientName, String recipientCategory,
                           String reference, Instant disclosedAt, List<String> dataCategories) {
}
