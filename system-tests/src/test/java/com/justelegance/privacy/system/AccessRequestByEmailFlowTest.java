package com.justelegance.privacy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.simulator.customers.Customer;
import com.justelegance.privacy.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.justelegance.privacy.system.RunningSystem.Service.DISCLOSURE;
import static com.justelegance.privacy.system.RunningSystem.Service.DSR;
import static com.justelegance.privacy.system.RunningSystem.url;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A customer's subject access request by e-mail, from their message to the privacy mailbox to the package they
 * download, across the packaged services, the simulated storefront and a real mail server: dsr-service opens the case
 * from the mail and acknowledges it, staff find the customer at the storefront and check who is asking with a
 * one-time code the customer mails back, and the privacy officer's package holds every source's part and the Art. 15
 * supplementary information, but not a disclosure to the police that the customer may not learn about (DPA 2018
 * Sch. 2 para. 2), which the case lists for the officer alone. Everything is done through the public APIs and the
 * mail, as staff and the customer would.
 */
@ExtendWith(RunningSystem.class)
class AccessRequestByEmailFlowTest {

    private static final Set<String> SOURCES = Set.of("storefront", "consent-service", "retention-service",
            "disclosure-service");
    /** The one-time code stands alone on its line in the identity letter. */
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s+([0-9]{6})\\s*$");
    /** The download link stands alone on its line in the completion letter. */
    private static final Pattern LINK_LINE = Pattern.compile("(?m)^\\s+(http\\S+/api/v1/access-packages/\\S+)\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCustomerWhoAsksByEmailDownloadsOnePackageOfEverythingExceptWhatTheyMayNotBeTold() throws Exception {
        // A customer of the storefront with consent choices and an order that went with a courier, known to every
        // service.
        String run = "ac" + UUID.randomUUID().toString().substring(0, 6);
        Customer customer = ErasureCases.playStorefrontCustomers(run, 30, 1000, 4242).stream()
                .filter(c -> c.email() != null && c.name() != null && !c.marketingPreferences().isEmpty())
                .filter(c -> c.orders().stream().anyMatch(order -> order.deliveryAddress() != null))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The seeded run has no customer with marketing choices and a "
                        + "delivered order; pick another seed"));
        String subject = customer.subjectId();
        String email = customer.email();
        String fullName = customer.name().givenName() + " " + customer.name().familyName();
        ErasureCases.awaitKnownEverywhere(customer);
        Set<String> recipientsTheyMayKnow = new TreeSet<>(disclosures(subject, Roles.PRIVACY_OFFICER)
                .getList("recipientName", String.class));

        // The police asked about them; the privacy officer recorded the disclosure, withheld from the customer
        // because telling them would prejudice the prevention of crime.
        String policeReference = "POL-" + run.toUpperCase();
        given().baseUri(url(DISCLOSURE))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .contentType(ContentType.JSON)
                .body(Map.of("recipient", "LAW_ENFORCEMENT", "dataCategories", List.of("CONTACT_NAME",
                                "DELIVERY_ADDRESS"), "legalBasis", "LEGAL_OBLIGATION", "reference", policeReference,
                        "disclosedAt", Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                                .toString(),
                        "withholdFromSubject", true, "note", "Police request under DPA 2018 Sch. 2 para. 2"))
                .when().post("/api/v1/subjects/{subject}/disclosures", subject)
                .then().statusCode(201);

        // The customer e-mails the privacy mailbox.
        Mailboxes.sendToPrivacyMailbox(email, fullName, "My personal data",
                "Hello,\n\nPlease send me a copy of all my personal data.\n\nThank you,\n" + fullName + "\n", null);

        // dsr-service reads the mailbox and opens an access case from the mail, which staff find in the work queue.
        String caseId = await().atMost(Duration.ofSeconds(60)).until(() -> caseOpenedFromMailOf(email),
                Optional::isPresent).orElseThrow();
        JsonPath opened = requestCase(caseId);
        assertThat(opened.getString("channel"), equalTo("EMAIL"));
        assertThat("the classifier recognised an access request", opened.getString("type"), equalTo("ACCESS"));
        assertThat(opened.getString("recordedBy"), equalTo("system:privacy-mailbox"));
        assertThat(opened.getString("requester.name"), equalTo(fullName));
        assertThat(opened.getString("requester.message"), containsString("a copy of all my personal data"));
        String reference = opened.getString("reference");

        // The acknowledgement reaches the customer.
        MimeMessage acknowledgement = Mailboxes.awaitLetter(email, "We have received your request", reference);
        assertThat(Mailboxes.textOf(acknowledgement), containsString(reference));

        // Customer service finds them at the storefront by the address they wrote from.
        JsonPath resolved = given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .when().post("/api/v1/requests/{id}/subject-resolution", caseId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(resolved.getInt("candidates"), equalTo(1));
        assertThat(resolved.getList("matchedBy", String.class), contains("EMAIL"));
        assertThat(resolved.getString("requestCase.subjectId"), equalTo(subject));

        // The privacy officer asks them to prove who they are; they mail the code from the letter back.
        given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().post("/api/v1/requests/{id}/identity-request", caseId)
                .then().statusCode(200).body("status", equalTo("AWAITING_IDENTITY"));
        MimeMessage identityLetter = Mailboxes.awaitLetter(email, "Please confirm your identity", reference);
        Matcher code = CODE_LINE.matcher(Mailboxes.textOf(identityLetter));
        assertThat("the identity letter holds a one-time code", code.find(), is(true));
        Mailboxes.sendToPrivacyMailbox(email, fullName, "Re: " + Mailboxes.subjectOf(identityLetter),
                "Here is my code: " + code.group(1) + "\n\n" + fullName + "\n", Mailboxes.messageIdOf(identityLetter));
        await().atMost(Duration.ofSeconds(60)).until(() -> requestCase(caseId).getList("trail.action", String.class)
                .contains("identity-verified:ONE_TIME_CODE"));
        assertThat(requestCase(caseId).getString("status"), not(equalTo("AWAITING_IDENTITY")));

        // The privacy officer prepares the package: every source read, the police disclosure left out.
        JsonPath prepared = given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().post("/api/v1/requests/{id}/access-package", caseId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(prepared.getBoolean("complete"), is(true));
        assertThat(prepared.getList("missingSources"), empty());
        assertThat(prepared.getList("sources.source", String.class), containsInAnyOrder(SOURCES.toArray()));
        assertThat(prepared.getList("sources.outcome", String.class), everyItem(equalTo("INCLUDED")));
        assertThat(prepared.getInt("withheldCount"), equalTo(1));
        String downloadUrl = prepared.getString("downloadUrl");
        assertThat(downloadUrl, startsWith(url(DSR) + "/api/v1/access-packages/"));

        // The completion letter brings the customer the link.
        MimeMessage completion = Mailboxes.awaitLetter(email, "Your request is complete", reference);
        Matcher link = LINK_LINE.matcher(Mailboxes.textOf(completion));
        assertThat("the completion letter holds the download link", link.find(), is(true));
        assertThat(link.group(1), equalTo(downloadUrl));

        // The customer downloads it with nothing but the link: one package, every source's part.
        Response download = given().when().get(link.group(1) + "?format=json");
        download.then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", containsString("no-store"));
        String packageText = download.asString();
        JsonNode accessPackage = JSON.readTree(packageText);
        assertThat(accessPackage.get("caseReference").asText(), equalTo(reference));
        assertThat(accessPackage.get("requestType").asText(), equalTo("ACCESS"));
        assertThat(accessPackage.get("complete").asBoolean(), is(true));
        JsonNode sections = accessPackage.get("sections");
        assertThat(fieldNames(sections), equalTo(new TreeSet<>(SOURCES)));
        for (String source : SOURCES) {
            assertThat(source + "'s part", sections.at("/" + source + "/outcome").asText(), equalTo("INCLUDED"));
        }
        // The storefront's part is what it holds: their contact details and their orders.
        JsonPath storefrontPart = JsonPath.from(sections.get("storefront").get("data").toString());
        assertThat(storefrontPart.getString("categories.find { it.category == 'contact' }.data.email"),
                equalTo(email));
        assertThat(storefrontPart.getList("categories.find { it.category == 'orders' }.data.orderId", String.class),
                containsInAnyOrder(customer.orders().stream().map(Customer.Order::orderId).toArray()));
        // consent-service's part: their marketing choices, each purpose the storefront has a choice for.
        JsonPath consentPart = JsonPath.from(sections.get("consent-service").get("data").toString());
        assertThat(consentPart.getList("currentConsents.purpose", String.class), hasItems(customer
                .marketingPreferences().stream().map(Customer.MarketingPreference::purpose).toArray(String[]::new)));
        assertThat(consentPart.getList("history"), not(empty()));
        // disclosure-service's part: every order's disclosures, and not the one to the police.
        JsonPath disclosurePart = JsonPath.from(sections.get("disclosure-service").get("data").toString());
        assertThat(disclosurePart.getList("reference", String.class), hasItems(customer.orders().stream()
                .map(Customer.Order::orderId).toArray(String[]::new)));
        assertThat(disclosurePart.getList("reference", String.class), not(hasItem(policeReference)));
        // retention-service's part: their timeline, the orders and contacts that decide when the policy deletes them.
        JsonPath retentionPart = JsonPath.from(sections.get("retention-service").get("data").toString());
        assertThat(retentionPart.getString("subjectId"), equalTo(subject));
        assertThat(retentionPart.getList("entries.kind", String.class), hasItem("OrderPlaced"));
        assertThat(retentionPart.getString("lastContactAt"), notNullValue());

        // The supplementary information Art. 15(1)-(2) asks for.
        JsonPath information = JsonPath.from(accessPackage.get("supplementaryInformation").toString());
        assertThat(information.getList("purposes"), not(empty()));
        assertThat(information.getList("purposes.lawfulBasis.flatten()", String.class), hasItems("CONTRACT",
                "CONSENT"));
        assertThat(information.getList("categoriesOfData", String.class), hasItems("EMAIL", "DELIVERY_ADDRESS"));
        assertThat("the recipients are those of their disclosures the customer may know about",
                new TreeSet<>(information.getList("recipients.name", String.class)),
                equalTo(recipientsTheyMayKnow));
        assertThat(information.getList("retention"), not(empty()));
        assertThat(information.getList("sourcesOfData"), not(empty()));
        assertThat(information.getList("rights.right", String.class), hasItems("Rectification", "Erasure",
                "Restriction", "Objection", "Portability", "Withdrawing consent"));
        assertThat(information.getString("complaint.url"), equalTo("https://ico.org.uk/make-a-complaint/"));
        assertThat(information.getString("complaint.phone"), equalTo("0303 123 1113"));
        assertThat("the police disclosure is nowhere in the package", packageText,
                not(containsString(policeReference)));
        assertThat(packageText, not(containsString("Law enforcement")));
        assertThat(packageText, not(containsString("LAW_ENFORCEMENT")));

        // The case lists what was withheld for the privacy officer, and only for them.
        JsonPath forTheOfficer = accessPackageOfCase(caseId, Roles.PRIVACY_OFFICER);
        assertThat(forTheOfficer.getInt("withheldCount"), equalTo(1));
        assertThat(forTheOfficer.getList("withheld.reference", String.class), contains(policeReference));
        assertThat(forTheOfficer.getList("withheld.recipient", String.class), contains("LAW_ENFORCEMENT"));
        assertThat(forTheOfficer.getString("link"), equalTo("ACTIVE"));
        assertThat(forTheOfficer.getInt("downloads"), equalTo(1));
        JsonPath forCustomerService = accessPackageOfCase(caseId, Roles.CUSTOMER_SERVICE);
        assertThat(forCustomerService.getInt("withheldCount"), equalTo(1));
        assertThat(forCustomerService.get("withheld"), nullValue());

        // The link works for dsr.access.max-downloads downloads (the readable report, its PDF), then no more.
        int maxDownloads = forTheOfficer.getInt("maxDownloads");
        assertThat("the documented default", maxDownloads, equalTo(3));
        given().when().get(downloadUrl + "?format=html").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("ico.org.uk"), not(containsString(policeReference)));
        byte[] pdf = given().when().get(downloadUrl + "?format=pdf").then().statusCode(200)
                .contentType(containsString("application/pdf")).extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII), equalTo("%PDF-"));
        given().when().get(downloadUrl + "?format=json").then().statusCode(410)
                .contentType(containsString("application/problem+json"))
                .body("type", containsString("access-link-expired"));
        JsonPath usedUp = accessPackageOfCase(caseId, Roles.PRIVACY_OFFICER);
        assertThat(usedUp.getString("link"), equalTo("USED_UP"));
        assertThat(usedUp.getInt("downloads"), equalTo(maxDownloads));

        // The privacy officer closes the case: the package letter was the answer.
        given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .contentType(ContentType.JSON)
                .body(Map.of("partially", false))
                .when().post("/api/v1/requests/{id}/completion", caseId)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));

        // Nothing of this customer reached a log: not their address, not their name.
        for (RunningSystem.Service service : RunningSystem.Service.values()) {
            assertThat(service + " log", RunningSystem.log(service), not(containsString(email)));
            assertThat(service + " log", RunningSystem.log(service), not(containsString(fullName)));
        }
        assertThat("storefront log", RunningSystem.storefrontLog(), not(containsString(email)));
    }

    /** The case dsr-service opened from a mail from this address, once it is in the work queue. */
    private static Optional<String> caseOpenedFromMailOf(String email) {
        List<String> fromMail = given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .queryParam("limit", 1000)
                .when().get("/api/v1/requests")
                .then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.channel == 'EMAIL' && it.status == 'RECEIVED' }.id", String.class);
        return fromMail.stream().filter(id -> email.equals(requestCase(id).getString("requester.email")))
                .findFirst();
    }

    private static JsonPath requestCase(String caseId) {
        return given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/requests/{id}", caseId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath accessPackageOfCase(String caseId, String role) {
        return given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(role))
                .when().get("/api/v1/requests/{id}/access-package", caseId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath disclosures(String subject, String role) {
        return given().baseUri(url(DISCLOSURE))
                .header("Authorization", TestTokens.bearer(role))
                .when().get("/api/v1/subjects/{subject}/disclosures", subject)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
