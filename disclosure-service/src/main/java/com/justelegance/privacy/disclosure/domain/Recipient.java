package com.justelegance.privacy.disclosure.domain;

import com.justelegance.privacy.events.EventFieldRules;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A third party that receives customers' data: who it is, what it receives, why and on what footing, where it is,
 * and how it takes Art. 19 notices. Versioned: a change applies only to the version it was based on.
 */
@Entity
@Table(name = "recipient")
public class Recipient {

    /** Recipient codes: upper-case letters, digits and '_', like the event contract's courier and provider codes. */
    public static final String CODE_PATTERN = EventFieldRules.CODE_PATTERN;

    @Id
    @Column(name = "code")
    private String code;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false)
    private RecipientCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private RecipientRole role;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recipient_data_category", joinColumns = @JoinColumn(name = "recipient_code"))
    @Enumerated(EnumType.STRING)
    @Column(name = "data_category", nullable = false)
    private Set<DataCategory> dataCategories = new HashSet<>();

    @Column(name = "purpose", nullable = false)
    private String purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "lawful_basis", nullable = false)
    private LawfulBasis lawfulBasis;

    @Column(name = "consent_purpose")
    private String consentPurpose;

    @Column(name = "country", nullable = false)
    private String country;

    @Enumerated(EnumType.STRING)
    @Column(name = "transfer_safeguard", nullable = false)
    private TransferSafeguard transferSafeguard;

    @Column(name = "privacy_policy_url")
    private String privacyPolicyUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "notice_channel", nullable = false)
    private NoticeChannel noticeChannel;

    @Column(name = "notice_address")
    private String noticeAddress;

    @Column(name = "notice_response_days", nullable = false)
    private int noticeResponseDays;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Recipient() {
    }

    public Recipient(String code, RecipientTerms terms) {
        this.code = code;
        apply(terms);
    }

    /** Replaces everything the registry says about the recipient. */
    public void apply(RecipientTerms terms) {
        this.displayName = terms.displayName();
        this.category = terms.category();
        this.role = terms.role();
        this.dataCategories.clear();
        this.dataCategories.addAll(terms.dataCategories());
        this.purpose = terms.purpose();
        this.lawfulBasis = terms.lawfulBasis();
        this.consentPurpose = terms.consentPurpose();
        this.country = terms.country();
        this.transferSafeguard = terms.transferSafeguard();
        this.privacyPolicyUrl = terms.privacyPolicyUrl();
        this.noticeChannel = terms.noticeChannel();
        this.noticeAddress = terms.noticeAddress();
        this.noticeResponseDays = terms.noticeResponseDays();
    }

    public RecipientTerms terms() {
        return new RecipientTerms(displayName, category, role, dataCategories(), purpose, lawfulBasis,
                consentPurpose, country, transferSafeguard, privacyPolicyUrl, noticeChannel, noticeAddress,
                noticeResponseDays);
    }

    /** How many times the recipient was changed since it was registered. */
    public long version() {
        return version;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public RecipientCategory category() {
        return category;
    }

    /** The data categories it receives, in a stable order. */
    public Set<DataCategory> dataCategories() {
        return dataCategories.isEmpty() ? Set.of() : EnumSet.copyOf(dataCategories);
    }

    public LawfulBasis lawfulBasis() {
        return lawfulBasis;
    }

    /** The consent purpose sharing with this recipient needs, or null when it does not rest on consent. */
    public String consentPurpose() {
        return consentPurpose;
    }

    public NoticeChannel noticeChannel() {
        return noticeChannel;
    }

    public String noticeAddress() {
        return noticeAddress;
    }

    public int noticeResponseDays() {
        return noticeResponseDays;
    }

    /** Whether a disclosure to it may be withheld from the subject (DPA 2018 Sch. 2 para. 2, crime prevention). */
    public boolean mayBeWithheldFromSubject() {
        return category == RecipientCategory.AUTHORITY || category == RecipientCategory.FRAUD_PREVENTION;
    }
}
