package com.justelegance.privacy.dsr.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.justelegance.privacy.dsr.access.GatheredData.Outcome;
import com.justelegance.privacy.dsr.access.GatheredData.SourceResult;
import com.justelegance.privacy.dsr.access.PackageDocument.Complaint;
import com.justelegance.privacy.dsr.access.PackageDocument.Origin;
import com.justelegance.privacy.dsr.access.PackageDocument.Purpose;
import com.justelegance.privacy.dsr.access.PackageDocument.Recipient;
import com.justelegance.privacy.dsr.access.PackageDocument.Retention;
import com.justelegance.privacy.dsr.access.PackageDocument.Right;
import com.justelegance.privacy.dsr.access.PackageDocument.Section;
import com.justelegance.privacy.dsr.access.PackageDocument.SupplementaryInformation;
import com.justelegance.privacy.dsr.correspondence.LetterFormats;
import com.justelegance.privacy.events.codes.SubjectRequestType;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Builds the package from what the sources answered: each source's section as it gave it, except that disclosures
 * disclosure-service flags as withheld from the subject are taken out (and returned apart, for the privacy officer)
 * and the officer's notes on disclosures never reach the package; then the Art. 15 supplementary information, drawn
 * from the storefront's policy wording per category, the disclosures and the retention timeline, and completed with
 * each back-office source's own statement ({@link DataSource}).
 */
@ApplicationScoped
public class PackageAssembler {

    /** Where a complaint goes (Art. 15(1)(f)); the letters give the same details. */
    public static final String ICO_URL = "https://ico.org.uk/make-a-complaint/";
    public static final String ICO_PHONE = "0303 123 1113";

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final ObjectMapper json;

    public PackageAssembler(ObjectMapper json) {
        this.json = json;
    }

    /** The package, and what was withheld from it. */
    public record Assembled(PackageDocument document, List<WithheldItem> withheld) {
    }

    /** What the package is about, from the case. */
    public record CaseFacts(String caseReference, SubjectRequestType requestType, String subjectId,
                            LocalDate receivedOn, String controller, String contact) {
    }

    public Assembled assemble(UUID packageId, CaseFacts facts, GatheredData gathered, Instant preparedAt) {
        List<WithheldItem> withheld = new ArrayList<>();
        Map<String, Section> sections = new LinkedHashMap<>();
        for (DataSource source : DataSource.inOrder()) {
            SourceResult result = gathered.results().get(source);
            JsonNode data = result.data();
            if (source == DataSource.DISCLOSURE && data != null) {
                data = withoutWithheld(data, withheld);
            }
            sections.put(source.code(), new Section(source.code(), source.title(), source.holds(), result.outcome(),
                    data));
        }
        List<String> missing = gathered.missing().stream().map(DataSource::code).toList();
        PackageDocument document = new PackageDocument(packageId, facts.caseReference(), facts.requestType(),
                facts.subjectId(), facts.receivedOn(), preparedAt, facts.controller(), facts.contact(),
                missing.isEmpty(), missing, sections, supplementary(sections, facts));
        return new Assembled(document, withheld);
    }

    /** The disclosures the subject may see, without the officer's notes; the withheld ones go to {@code withheld}. */
    private JsonNode withoutWithheld(JsonNode disclosures, List<WithheldItem> withheld) {
        ArrayNode shown = json.createArrayNode();
        for (JsonNode disclosure : disclosures) {
            if (disclosure.path("withheldFromSubject").asBoolean(false)) {
                withheld.add(new WithheldItem(DataSource.DISCLOSURE.code(), text(disclosure, "recipient"),
                        text(disclosure, "recipientName"), text(disclosure, "recipientCategory"),
                        text(disclosure, "reference"), instant(disclosure, "disclosedAt"),
                        strings(disclosure.path("dataCategories"))));
                continue;
            }
            ObjectNode copy = disclosure.deepCopy();
            copy.remove("withheldFromSubject");
            copy.remove("note");
            shown.add(copy);
        }
        return shown;
    }

    private SupplementaryInformation supplementary(Map<String, Section> sections, CaseFacts facts) {
        List<Purpose> purposes = new ArrayList<>();
        List<Retention> retention = new ArrayList<>();
        List<Origin> origins = new ArrayList<>();
        TreeSet<String> categories = new TreeSet<>();

        JsonNode storefront = dataOf(sections, DataSource.STOREFRONT);
        for (JsonNode category : storefront.path("categories")) {
            String name = "Shop: " + category.path("category").asText();
            purposes.add(new Purpose(name, category.path("purpose").asText(), strings(category.path("lawfulBasis"))));
            retention.add(new Retention(name, category.path("retention").asText()));
            origins.add(new Origin(name, category.path("source").asText()));
            categories.addAll(strings(category.path("dataCategories")));
        }

        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (JsonNode disclosure : dataOf(sections, DataSource.DISCLOSURE)) {
            categories.addAll(strings(disclosure.path("dataCategories")));
            String name = text(disclosure, "recipientName");
            Recipient known = recipients.get(name);
            TreeSet<String> disclosed = new TreeSet<>(strings(disclosure.path("dataCategories")));
            Instant at = instant(disclosure, "disclosedAt");
            if (known != null) {
                disclosed.addAll(known.dataCategories());
                at = at == null || (known.lastDisclosedAt() != null && known.lastDisclosedAt().isAfter(at))
                        ? known.lastDisclosedAt() : at;
            }
            recipients.put(name, new Recipient(name, text(disclosure, "recipientCategory"), List.copyOf(disclosed),
                    at));
        }

        for (DataSource source : List.of(DataSource.CONSENT, DataSource.DISCLOSURE, DataSource.RETENTION)) {
            if (sections.get(source.code()).outcome() != Outcome.INCLUDED) {
                continue;
            }
            purposes.add(new Purpose(source.title(), source.purpose(), List.of(source.lawfulBasis())));
            retention.add(new Retention(source.title(), source == DataSource.RETENTION
                    ? retentionFromTimeline(dataOf(sections, source)) : source.retention()));
            origins.add(new Origin(source.title(), source.origin()));
        }
        if (sections.get(DataSource.CONSENT.code()).outcome() == Outcome.INCLUDED) {
            categories.add("CONSENT_RECORDS");
            categories.add("MARKETING_PREFERENCES");
        }
        if (!recipients.isEmpty()) {
            categories.add("DISCLOSURE_RECORDS");
        }
        return new SupplementaryInformation(purposes, List.copyOf(categories), List.copyOf(recipients.values()),
                retention, origins, rights(facts), new Complaint("Information Commissioner's Office", ICO_URL,
                ICO_PHONE, "You can complain to the ICO, the UK's data protection regulator, if you are unhappy with "
                + "how we handled your data or this request. You may also seek a remedy through the courts."));
    }

    /** When the retention rules say the data goes, from retention-service's timeline. */
    private static String retentionFromTimeline(JsonNode timeline) {
        Instant due = instant(timeline, "erasureDueAt");
        if (due != null) {
            return "Your data is due to be deleted on " + LetterFormats.ukDate(LocalDate.ofInstant(due, UK))
                    + " under our retention rules (6 years after your last contact with us, orders 6 years after "
                    + "the order date for tax), unless a request, a complaint or a legal hold still needs it";
        }
        if (timeline.path("accountOpen").asBoolean(false)) {
            return "Kept while your account is open; once it is closed, under our retention rules (6 years after "
                    + "your last contact with us, orders 6 years after the order date for tax)";
        }
        return DataSource.RETENTION.retention();
    }

    private static List<Right> rights(CaseFacts facts) {
        String write = "Write to " + facts.contact() + ", quoting " + facts.caseReference();
        return List.of(
                new Right("Rectification", "UK GDPR Art. 16",
                        "If anything here is wrong or incomplete, tell us and we will correct it. " + write),
                new Right("Erasure", "UK GDPR Art. 17",
                        "Ask us to delete your data; we will, except what the law makes us keep (orders, for "
                                + "tax). " + write),
                new Right("Restriction", "UK GDPR Art. 18",
                        "Ask us to stop using your data, except to store it, while a question about it is "
                                + "settled. " + write),
                new Right("Objection", "UK GDPR Art. 21",
                        "Object to our use of your data on the basis of our legitimate interests; to direct "
                                + "marketing you can object at any time and we will stop. " + write),
                new Right("Portability", "UK GDPR Art. 20",
                        "The JSON file of this package is in a structured, machine-readable format you can give "
                                + "to another organisation; ask us and we will send the data you gave us to them "
                                + "directly where we can. " + write),
                new Right("Withdrawing consent", "UK GDPR Art. 7(3)",
                        "Where we rely on your consent (marketing, cookies), withdraw it at any time in your "
                                + "account or with the unsubscribe link in our emails. " + write));
    }

    private static JsonNode dataOf(Map<String, Section> sections, DataSource source) {
        JsonNode data = sections.get(source.code()).data();
        return data == null ? MissingNode.getInstance() : data;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
