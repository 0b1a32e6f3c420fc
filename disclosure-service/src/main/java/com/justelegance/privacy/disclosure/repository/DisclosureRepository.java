package com.justelegance.privacy.disclosure.repository;

import com.justelegance.privacy.disclosure.domain.Disclosure;
import com.justelegance.privacy.disclosure.domain.DisclosureSource;
import com.justelegance.privacy.events.codes.LawfulBasis;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The per-person ledger and the anonymised counts erased subjects leave behind. Entries from events are written
 * set-based: a whole batch in one statement.
 */
@ApplicationScoped
public class DisclosureRepository implements PanacheRepositoryBase<Disclosure, Long> {

    /** A ledger entry to write; {@code dataCategories} in the spelling of {@link Disclosure#codes}. */
    public record NewEntry(String subjectId, String recipientCode, DisclosureSource source, String reference,
                           String[] dataCategories, LawfulBasis legalBasis, Instant disclosedAt) {
    }

    /** Writes the entries in one statement; an entry already in the ledger is skipped. Returns how many were new. */
    public int insertNew(List<NewEntry> entries, Instant recordedAt) {
        if (entries.isEmpty()) {
            return 0;
        }
        // One statement for the whole batch: each column's values as one array, turned back into rows by unnest.
        return getEntityManager().createNativeQuery("""
                        INSERT INTO disclosure (subject_id, recipient_code, source, reference, data_categories,
                                                legal_basis, disclosed_at, recorded_at)
                        SELECT e.subject_id, e.recipient_code, e.source, e.reference,
                               CAST(string_to_array(e.categories, ',') AS varchar[]), e.basis, e.disclosed_at,
                               :recordedAt
                        FROM unnest(:subjects, :recipients, :sources, :references, :categories, :bases,
                                    :disclosedAt)
                             AS e (subject_id, recipient_code, source, reference, categories, basis, disclosed_at)
                        ON CONFLICT DO NOTHING""")
                .setParameter("recordedAt", recordedAt)
                .setParameter("subjects", entries.stream().map(NewEntry::subjectId).toArray(String[]::new))
                .setParameter("recipients", entries.stream().map(NewEntry::recipientCode).toArray(String[]::new))
                .setParameter("sources", entries.stream().map(entry -> entry.source().name()).toArray(String[]::new))
                .setParameter("references", entries.stream().map(NewEntry::reference).toArray(String[]::new))
                .setParameter("categories", entries.stream().map(entry -> String.join(",", entry.dataCategories()))
                        .toArray(String[]::new))
                .setParameter("bases", entries.stream().map(entry -> entry.legalBasis().name()).toArray(String[]::new))
                .setParameter("disclosedAt", entries.stream().map(NewEntry::disclosedAt).toArray(Instant[]::new))
                .executeUpdate();
    }

    public boolean exists(String subjectId, String recipientCode, DisclosureSource source, String reference) {
        return count("subjectId = ?1 and recipientCode = ?2 and source = ?3 and reference = ?4",
                subjectId, recipientCode, source, reference) > 0;
    }

    /** The subject's entries, oldest first; withheld ones only when asked for. */
    public List<Disclosure> forSubject(String subjectId, boolean includeWithheld) {
        String withheld = includeWithheld ? "" : " and withheldFromSubject = false";
        return list("subjectId = ?1" + withheld + " order by disclosedAt, id", subjectId);
    }

    /**
     * The subject's audience uploads to recipients registered for the consent purpose that no removal notice has
     * told yet, oldest first.
     */
    public List<Disclosure> uploadsNotToldOfRemoval(String subjectId, String consentPurpose) {
        return list("""
                        subjectId = :subject and source = :source and removalNoticeId is null
                        and recipientCode in (select r.code from Recipient r where r.consentPurpose = :purpose)
                        order by disclosedAt, id""",
                Parameters.with("subject", subjectId).and("source", DisclosureSource.AUDIENCE_UPLOAD)
                        .and("purpose", consentPurpose));
    }

    /** Records that the removal notice told its recipient of these entries. */
    public void markToldOfRemoval(Collection<Long> entryIds, UUID noticeId) {
        if (entryIds.isEmpty()) {
            return;
        }
        update("removalNoticeId = :notice where id in (:ids)",
                Parameters.with("notice", noticeId).and("ids", entryIds));
    }

    /** Entries to one recipient disclosed in [from, to), oldest first, at most {@code limit}. */
    public List<Disclosure> toRecipient(String recipientCode, Instant from, Instant to, int limit) {
        return find("recipientCode = ?1 and disclosedAt >= ?2 and disclosedAt < ?3 order by disclosedAt, id",
                recipientCode, from, to).page(0, limit).list();
    }

    /**
     * Deletes the subject's entries and adds them to the anonymised counts per recipient, month, source and data
     * categories, in one statement. Returns how many entries were deleted.
     */
    public long eraseSubject(String subjectId) {
        return ((Number) getEntityManager().createNativeQuery("""
                        WITH gone AS (
                            DELETE FROM disclosure WHERE subject_id = :subject
                            RETURNING recipient_code, source, data_categories, disclosed_at
                        ), counted AS (
                            INSERT INTO erased_disclosure_count
                                (recipient_code, month, source, data_categories, disclosures)
                            SELECT recipient_code, CAST(date_trunc('month', disclosed_at AT TIME ZONE 'UTC') AS date),
                                   source, data_categories, count(*)
                            FROM gone
                            GROUP BY 1, 2, 3, 4
                            ON CONFLICT (recipient_code, month, source, data_categories)
                            DO UPDATE SET disclosures = erased_disclosure_count.disclosures + EXCLUDED.disclosures
                        )
                        SELECT count(*) FROM gone""")
                .setParameter("subject", subjectId)
                .getSingleResult()).longValue();
    }

    /**
     * Disclosures in the months [from, to], from live entries and erased subjects' counts: one row per recipient
     * (data category null) and one per recipient and data category.
     */
    public List<VolumeRow> volumes(YearMonth from, YearMonth to) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = getEntityManager().createNativeQuery("""
                        WITH counted AS (
                            SELECT recipient_code, data_categories, 1 AS disclosures, 0 AS anonymised
                            FROM disclosure
                            WHERE disclosed_at >= :fromInstant AND disclosed_at < :toInstant
                            UNION ALL
                            SELECT recipient_code, data_categories, disclosures, disclosures
                            FROM erased_disclosure_count
                            WHERE month >= :fromMonth AND month < :toMonth
                        )
                        SELECT recipient_code, CAST(NULL AS varchar) AS data_category,
                               SUM(disclosures) AS disclosures, SUM(anonymised) AS anonymised
                        FROM counted
                        GROUP BY recipient_code
                        UNION ALL
                        SELECT recipient_code, category.code, SUM(disclosures), SUM(anonymised)
                        FROM counted, unnest(data_categories) AS category (code)
                        GROUP BY recipient_code, category.code""", Tuple.class)
                .setParameter("fromInstant", startOf(from))
                .setParameter("toInstant", startOf(to.plusMonths(1)))
                .setParameter("fromMonth", from.atDay(1))
                .setParameter("toMonth", to.plusMonths(1).atDay(1))
                .getResultList();
        return rows.stream().map(row -> new VolumeRow((String) row.get("recipient_code"),
                        (String) row.get("data_category"), ((Number) row.get("disclosures")).longValue(),
                        ((Number) row.get("anonymised")).longValue()))
                .toList();
    }

    /**
     * A count of disclosures.
     *
     * @param dataCategory the category counted, or null for a count of disclosures of any categories
     * @param anonymised   how many of them belong to erased subjects and survive only as counts
     */
    public record VolumeRow(String recipientCode, String dataCategory, long disclosures, long anonymised) {
    }

    private static Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

}
