package com.justelegance.privacy.simulator.datasource;

import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.events.codes.LawfulBasis;

import java.util.List;

/**
 * The groups the storefront's data about a person is answered in, each with what the privacy policy says of it
 * (UK GDPR Art. 15(1)): why it is held, on what lawful basis, how long it is kept, where it came from, and which
 * of the event contract's data categories it covers. The retention wording matches retention-service's seeded
 * rules ({@code GENERAL} six years after the last contact, {@code ACCOUNT_DATA} while the account exists,
 * {@code ORDER_AND_PAYMENT_RECORDS} six years from the order date).
 */
enum DataGroup {

    IDENTITY("identity",
            "To run your account and recognise you when you order from us or contact us",
            List.of(LawfulBasis.CONTRACT),
            "While your account exists; without an account, 6 years after your last order or contact with us",
            "You, when you registered or placed an order",
            List.of(DataCategory.CONTACT_NAME, DataCategory.ACCOUNT_CREDENTIALS)),
    CONTACT("contact",
            "To confirm and deliver your orders and to answer your questions",
            List.of(LawfulBasis.CONTRACT),
            "While your account exists; without an account, 6 years after your last order or contact with us",
            "You, when you registered, placed an order or updated your details",
            List.of(DataCategory.EMAIL, DataCategory.PHONE)),
    ADDRESSES("addresses",
            "To deliver your orders and address your invoices",
            List.of(LawfulBasis.CONTRACT),
            "While your account exists; without an account, 6 years after your last order or contact with us",
            "You, at checkout or in your account's address book",
            List.of(DataCategory.DELIVERY_ADDRESS, DataCategory.INVOICE_ADDRESS)),
    ORDERS("orders",
            "To fulfil your orders, handle returns and keep the accounting records the law requires",
            List.of(LawfulBasis.CONTRACT, LawfulBasis.LEGAL_OBLIGATION),
            "6 years from the order date, as HMRC requires of accounting records; after an erasure only the tax "
                    + "record stays (no name, no addresses) until then",
            "Your orders on our website or app, by phone, by click and collect, or through Amazon or eBay",
            List.of(DataCategory.PURCHASE_HISTORY)),
    PREFERENCES("preferences",
            "To send you marketing only as you chose",
            List.of(LawfulBasis.CONSENT),
            "Until you change them or your data is erased; the proof of each choice is kept by our consent "
                    + "records",
            "You, at checkout, at registration or in your account settings",
            List.of(DataCategory.MARKETING_PREFERENCES));

    final String code;
    final String purpose;
    final List<LawfulBasis> lawfulBasis;
    final String retention;
    final String source;
    final List<DataCategory> dataCategories;

    DataGroup(String code, String purpose, List<LawfulBasis> lawfulBasis, String retention, String source,
              List<DataCategory> dataCategories) {
        this.code = code;
        this.purpose = purpose;
        this.lawfulBasis = lawfulBasis;
        this.retention = retention;
        this.source = source;
        this.dataCategories = dataCategories;
    }
}
