package com.justelegance.privacy.consent.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.justelegance.privacy.consent.config.ConsentConfig;
import com.justelegance.privacy.consent.domain.ConsentChoice;
import com.justelegance.privacy.consent.domain.ConsentDecision;
import com.justelegance.privacy.consent.domain.PolicyVersion;
import com.justelegance.privacy.consent.domain.Purpose;
import com.justelegance.privacy.consent.repository.PolicyVersionRepository;
import com.justelegance.privacy.consent.repository.PurposeRepository;
import com.justelegance.privacy.events.codes.ConsentMethod;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.LawfulBasis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Consent receipts in the Kantara Initiative Consent Receipt v1.1 format, one per decision, for the person's
 * access request. A receipt names the person only by the opaque subject id (no e-mail address, network or device
 * details): the controller fields are the retailer's, from the policy's contact section. Three fields extend the
 * format, which allows it: {@code policyVersion} and {@code policyWordingHash} (what was shown) on the receipt,
 * and {@code consentState} (what was chosen) on each purpose.
 */
@ApplicationScoped
public class ConsentReceipts {

    static final String KANTARA_VERSION = "KI-CR-v1.1.0";

    private final PurposeRepository purposes;
    private final PolicyVersionRepository policyVersions;
    private final ConsentConfig.Receipt config;

    public ConsentReceipts(PurposeRepository purposes, PolicyVersionRepository policyVersions, ConsentConfig config) {
        this.purposes = purposes;
        this.policyVersions = policyVersions;
        this.config = config.receipt();
    }

    /** A receipt; field names are the specification's. */
    public record Receipt(String version, String jurisdiction, long consentTimestamp, String collectionMethod,
                          String consentReceiptID, String language, String piiPrincipalId,
                          List<Controller> piiControllers, String policyUrl, List<Service> services,
                          boolean sensitive, List<String> spiCat, String policyVersion, String policyWordingHash) {
    }

    /** The controller: the retailer. */
    public record Controller(String piiController, boolean onBehalf, String contact, Map<String, String> address,
                             String email, String phone, String piiControllerUrl) {
    }

    /** The service consent was collected for, and the purposes of the decision. */
    public record Service(String service, List<ReceiptPurpose> purposes) {
    }

    /** One purpose of the decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReceiptPurpose(String purpose, String consentType, List<String> purposeCategory,
                                 List<String> piiCategory, boolean primaryPurpose, String termination,
                                 boolean thirdPartyDisclosure, String thirdPartyName, String consentState) {
    }

    /** Receipts for decisions, in the order given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Receipt> receiptsFor(List<ConsentDecision> decisions) {
        Map<String, Purpose> catalogue = purposes.listByCode().stream()
                .collect(Collectors.toMap(Purpose::code, Function.identity()));
        Map<String, PolicyVersion> versions = policyVersions.newestFirst().stream()
                .collect(Collectors.toMap(PolicyVersion::version, Function.identity()));
        return decisions.stream().map(d -> receipt(d, catalogue, versions.get(d.policyVersion()))).toList();
    }

    private Receipt receipt(ConsentDecision decision, Map<String, Purpose> catalogue, PolicyVersion version) {
        List<ReceiptPurpose> receiptPurposes = decision.choices().stream()
                .map(choice -> purpose(choice, catalogue.get(choice.purposeCode()), decision))
                .toList();
        return new Receipt(KANTARA_VERSION, config.jurisdiction(), decision.recordedAt().getEpochSecond(),
                collectionMethod(decision.source(), decision.method()), decision.id().toString(), config.language(),
                decision.subjectId(), List.of(controller()), version.url(),
                List.of(new Service(config.serviceName(), receiptPurposes)), false, List.of(),
                version.version(), decision.wordingHash());
    }

    private ReceiptPurpose purpose(ConsentChoice choice, Purpose purpose, ConsentDecision decision) {
        boolean implied = decision.method() == ConsentMethod.GPC_SIGNAL
                || (decision.softOptInOrderId() != null && choice.state() == ConsentState.GRANTED);
        String termination = purpose.lawfulBasis() == LawfulBasis.LEGITIMATE_INTEREST
                ? "Until you object, at any time, in account settings, by the unsubscribe link or by contacting us"
                : "Until you withdraw it, at any time, in account settings, by the unsubscribe link or by contacting us";
        return new ReceiptPurpose(purpose.description(), implied ? "IMPLICIT" : "EXPLICIT", List.of(purpose.code()),
                purpose.dataCategories().stream().map(Enum::name).toList(), false, termination,
                purpose.thirdPartyName() != null, purpose.thirdPartyName(), choice.state().name());
    }

    private Controller controller() {
        ConsentConfig.Controller c = config.controller();
        return new Controller(c.name(), false, c.contact(), Map.of("streetAddress", c.street(),
                "addressLocality", c.locality(), "postalCode", c.postalCode(), "addressCountry", c.country()),
                c.email(), c.phone(), c.url());
    }

    private static String collectionMethod(ConsentSource source, ConsentMethod method) {
        String where = switch (source) {
            case CHECKOUT -> "Checkout";
            case REGISTRATION -> "Account registration";
            case ACCOUNT_SETTINGS -> "Account settings";
            case COOKIE_BANNER -> "Cookie banner";
            case UNSUBSCRIBE_LINK -> "Unsubscribe link in a marketing message";
            case CUSTOMER_SERVICE -> "Customer service";
            case DATA_SUBJECT_REQUEST -> "Data subject request";
            case PRIVACY_CENTRE -> "Privacy centre preferences page";
        };
        String how = switch (method) {
            case ACCEPT -> "accepted";
            case REJECT -> "rejected";
            case SAVE -> "choices saved";
            case GPC_SIGNAL -> "Global Privacy Control signal";
        };
        return where + ": " + how;
    }
}
