package com.justelegance.privacy.disclosure.domain;

import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the per-person ledger: the subject's data of these categories went to this recipient at this time,
 * on this legal basis, under this reference (the order id, the police or agency reference, the upload id).
 */
@Entity
@Table(name = "disclosure")
public class Disclosure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;

    @Column(name = "recipient_code", nullable = false, updatable = false)
    private String recipientCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, updatable = false)
    private DisclosureSource source;

    @Column(name = "reference", nullable = false, updatable = false)
    private String reference;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "data_categories", nullable = false, updatable = false)
    private String[] dataCategories;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis", nullable = false, updatable = false)
    private LawfulBasis legalBasis;

    @Column(name = "disclosed_at", nullable = false, updatable = false)
    private Instant disclosedAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "withheld_from_subject", nullable = false, updatable = false)
    private boolean withheldFromSubject;

    @Column(name = "note", updatable = false)
    private byte[] note;

    /** The removal notice that told the recipient to drop this audience upload, or null while none has. */
    @Column(name = "removal_notice_id")
    private UUID removalNoticeId;

    protected Disclosure() {
    }

    /** A disclosure the privacy officer records; {@code encryptedNote} is already sealed with the subject's key. */
    public Disclosure(String subjectId, String recipientCode, DisclosureSource source, String reference,
                      Collection<DataCategory> dataCategories, LawfulBasis legalBasis, Instant disclosedAt,
                      Instant recordedAt, boolean withheldFromSubject, byte[] encryptedNote) {
        this.subjectId = subjectId;
        this.recipientCode = recipientCode;
        this.source = source;
        this.reference = reference;
        this.dataCategories = codes(dataCategories);
        this.legalBasis = legalBasis;
        this.disclosedAt = disclosedAt;
        this.recordedAt = recordedAt;
        this.withheldFromSubject = withheldFromSubject;
        this.note = encryptedNote;
    }

    /** Category codes in enum order, the one spelling the ledger and the erased counts use. */
    public static String[] codes(Collection<DataCategory> categories) {
        return categories.stream().sorted().map(DataCategory::name).toArray(String[]::new);
    }

    public Long id() {
        return id;
    }

    public String subjectId() {
        return subjectId;
    }

    public String recipientCode() {
        return recipientCode;
    }

    public DisclosureSource source() {
        return source;
    }

    public String reference() {
        return reference;
    }

    public List<DataCategory> dataCategories() {
        return Arrays.stream(dataCategories).map(DataCategory::valueOf).toList();
    }

    public LawfulBasis legalBasis() {
        return legalBasis;
    }

    public Instant disclosedAt() {
        return disclosedAt;
    }

    public boolean withheldFromSubject() {
        return withheldFromSubject;
    }

    /** The encrypted note, or null. */
    public byte[] note() {
        return note;
    }

    /** The removal notice that told the recipient of this upload, or null. */
    public UUID removalNoticeId() {
        return removalNoticeId;
    }
}
