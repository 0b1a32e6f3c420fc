package com.justelegance.privacy.consent.domain;

import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;

/**
 * A purpose in the catalogue: something a person can consent to or opt out of, with its channel and lawful basis,
 * whether the soft opt-in may be used, whether Global Privacy Control opts out of it ("sale or sharing"), whether
 * it is direct marketing (an opt-out suppresses the channel) or profiling for marketing, the data it uses and who else receives it. Its
 * version counts the changes to these terms.
 */
@Entity
@Table(name = "purpose")
public class Purpose {

    @Id
    @Column(name = "code")
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "lawful_basis", nullable = false)
    private LawfulBasis lawfulBasis;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "soft_opt_in_allowed", nullable = false)
    private boolean softOptInAllowed;

    @Column(name = "sale_or_sharing", nullable = false)
    private boolean saleOrSharing;

    @Column(name = "direct_marketing", nullable = false)
    private boolean directMarketing;

    @Column(name = "marketing_profiling", nullable = false)
    private boolean marketingProfiling;

    @Convert(converter = DataCategoryListConverter.class)
    @Column(name = "data_categories", nullable = false)
    private List<DataCategory> dataCategories;

    @Column(name = "third_party_name")
    private String thirdPartyName;

    /** Counts changes, so an edit based on an older reading of the purpose is refused instead of lost. */
    @Column(name = "version", nullable = false)
    private long version;

    protected Purpose() {
    }

    public Purpose(String code, PurposeTerms terms) {
        this.code = code;
        this.version = 1;
        apply(terms);
    }

    /** Replaces the purpose's terms as a new version; the code never changes, since decisions refer to it. */
    public void change(PurposeTerms terms) {
        apply(terms);
        version++;
    }

    private void apply(PurposeTerms terms) {
        this.channel = terms.channel();
        this.lawfulBasis = terms.lawfulBasis();
        this.description = terms.description();
        this.softOptInAllowed = terms.softOptInAllowed();
        this.saleOrSharing = terms.saleOrSharing();
        this.directMarketing = terms.directMarketing();
        this.marketingProfiling = terms.marketingProfiling();
        this.dataCategories = List.copyOf(terms.dataCategories());
        this.thirdPartyName = terms.thirdPartyName();
    }

    public String code() {
        return code;
    }

    public Channel channel() {
        return channel;
    }

    public LawfulBasis lawfulBasis() {
        return lawfulBasis;
    }

    public String description() {
        return description;
    }

    public boolean softOptInAllowed() {
        return softOptInAllowed;
    }

    public boolean saleOrSharing() {
        return saleOrSharing;
    }

    public boolean directMarketing() {
        return directMarketing;
    }

    /** Profiling or targeting for marketing that is not a channel of its own (see {@link PurposeTerms}). */
    public boolean marketingProfiling() {
        return marketingProfiling;
    }

    /**
     * Whether an objection to direct marketing (UK GDPR Art. 21(2) and (3), absolute) ends this purpose: a
     * marketing channel, or profiling and targeting for marketing.
     */
    public boolean endedByMarketingObjection() {
        return directMarketing || marketingProfiling;
    }

    public List<DataCategory> dataCategories() {
        return List.copyOf(dataCategories);
    }

    public String thirdPartyName() {
        return thirdPartyName;
    }

    public long version() {
        return version;
    }
}
