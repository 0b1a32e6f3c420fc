package com.justelegance.privacy.dsr.access;

import java.util.List;

/**
 * Where an access package's data comes from: the three services that hold data about a subject and the storefront.
 * Each names itself as it does in receipts ({@code service}), and says in plain English what it holds, why, how
 * long and from where, for the Art. 15 supplementary information. The storefront says that per category itself (its
 * data-source API carries the privacy policy's wording), so its own lines here are only the fallback headings.
 */
public enum DataSource {

    CONSENT("consent-service", "Your marketing and cookie choices",
            "Your current marketing and cookie choices, every choice you made with its proof (when, how, which "
                    + "wording you saw), the receipts we gave you, and the channels on which you asked us never to "
                    + "contact you",
            "To honour your choices at once and to be able to prove what you agreed to (UK GDPR Art. 7(1))",
            "LEGAL_OBLIGATION",
            "Under our general rule, 6 years after your last contact with us; a request never to contact you on a "
                    + "channel is kept even after the rest is deleted, so that we go on honouring it",
            "You, through our website, apps, emails and customer service"),
    RETENTION("retention-service", "When your data is due to be deleted",
            "The dates that decide how long we keep your data (your last order, your last contact with us, when "
                    + "your account was opened or closed) and the date your data is due to be deleted",
            "To delete your data when our retention rules say so, and not to delete it while a request, complaint "
                    + "or legal hold still needs it",
            "LEGAL_OBLIGATION",
            "Kept until your data is deleted under our retention rules",
            "Derived from your orders, your contacts with us and your account"),
    DISCLOSURE("disclosure-service", "Who received your data",
            "The organisations we passed your data to, what we passed, when and on what basis",
            "To know whom to tell when your data is corrected or deleted (UK GDPR Art. 19), and to answer you",
            "LEGAL_OBLIGATION",
            "Under our general rule, 6 years after your last contact with us",
            "Our own records of each disclosure (deliveries, payments, marketplaces, and requests from the police "
                    + "or fraud prevention)"),
    STOREFRONT("storefront", "Your account, orders and preferences with our shop",
            "Your account, contact details, addresses, orders and marketing preferences as our shop holds them",
            "To run your account and fulfil your orders",
            "CONTRACT",
            "As stated for each kind of data",
            "You, when you registered or placed an order");

    private final String code;
    private final String title;
    private final String holds;
    private final String purpose;
    private final String lawfulBasis;
    private final String retention;
    private final String origin;

    DataSource(String code, String title, String holds, String purpose, String lawfulBasis, String retention,
               String origin) {
        this.code = code;
        this.title = title;
        this.holds = holds;
        this.purpose = purpose;
        this.lawfulBasis = lawfulBasis;
        this.retention = retention;
        this.origin = origin;
    }

    /** The source's name, as in erasure receipts and the package's sections. */
    public String code() {
        return code;
    }

    /** The heading of its section in the report. */
    public String title() {
        return title;
    }

    /** What it holds about a person, in plain English. */
    public String holds() {
        return holds;
    }

    public String purpose() {
        return purpose;
    }

    /** The shared-events {@code LawfulBasis} code. */
    public String lawfulBasis() {
        return lawfulBasis;
    }

    public String retention() {
        return retention;
    }

    /** Where the data came from (Art. 15(1)(g)). */
    public String origin() {
        return origin;
    }

    /** The sources in the order the package lists them. */
    public static List<DataSource> inOrder() {
        return List.of(STOREFRONT, CONSENT, DISCLOSURE, RETENTION);
    }
}
