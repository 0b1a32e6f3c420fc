package com.justelegance.privacy.kit.erasure;

import com.justelegance.privacy.events.ErasureCompleted.ErasedRecords;
import com.justelegance.privacy.events.ErasureCompleted.WithheldRecords;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.WithheldReason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a participant erased (records per data category) and what it kept (category, why, until when), built up
 * as the participant goes: {@code ErasureResult.nothing().erased(EMAIL, 2).kept(MARKETING_PREFERENCES,
 * SUPPRESSION_LIST, null)}. Categories erased zero times are left out; a kept line is listed once.
 */
public final class ErasureResult {

    private final Map<DataCategory, Long> erased = new LinkedHashMap<>();
    private final List<WithheldRecords> kept = new ArrayList<>();
    private final Set<String> notified = new LinkedHashSet<>();

    private ErasureResult() {
    }

    /** A result to add to; as it is, it says nothing was held. */
    public static ErasureResult nothing() {
        return new ErasureResult();
    }

    /** Adds {@code count} records of the category to those erased or anonymised. */
    public ErasureResult erased(DataCategory category, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("A count of erased records cannot be negative");
        }
        if (count > 0) {
            erased.merge(category, count, Long::sum);
        }
        return this;
    }

    /**
     * Records that data of the category was kept.
     *
     * @param until when it goes, or null when it is kept for as long as the reason lasts
     */
    public ErasureResult kept(DataCategory category, WithheldReason reason, LocalDate until) {
        WithheldRecords line = new WithheldRecords(category, reason, until);
        if (!kept.contains(line)) {
            kept.add(line);
        }
        return this;
    }

    /** Records that the participant told a recipient, by its registered id, of the erasure (Art. 19). */
    public ErasureResult notified(String recipientId) {
        notified.add(recipientId);
        return this;
    }

    /** The recipients told of the erasure, in the order they were added. */
    public List<String> notifiedRecipients() {
        return new ArrayList<>(notified);
    }

    /** The erased lines of the receipt. (Mutable: the event's own rules ask lists whether they contain null.) */
    public List<ErasedRecords> erasedRecords() {
        List<ErasedRecords> lines = new ArrayList<>();
        erased.forEach((category, count) -> lines.add(new ErasedRecords(category, count)));
        return lines;
    }

    /** The withheld lines of the receipt. */
    public List<WithheldRecords> keptRecords() {
        return new ArrayList<>(kept);
    }

    /** Records erased per category, for the audit entry. */
    public Map<String, Long> erasedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        erased.forEach((category, count) -> counts.put(category.name(), count));
        return counts;
    }

    public boolean erasedAnything() {
        return !erased.isEmpty();
    }
}
