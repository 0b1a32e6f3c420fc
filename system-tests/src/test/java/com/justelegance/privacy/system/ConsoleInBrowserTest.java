package com.justelegance.privacy.system;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.simulator.customers.Customer;
import com.justelegance.privacy.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.justelegance.privacy.system.RunningSystem.consoleUrl;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * The privacy console in a real browser (headless chromium through Selenium) over the running system: staff sign in
 * with the users the console created on its first start, as {@code ./stack up} prints them, and work a request
 * through its pages; the services decide what each role may do, and the console's forms refuse requests without
 * their CSRF token or a session. Screenshots of the main pages go to {@code target/screenshots/}.
 */
@ExtendWith(RunningSystem.class)
class ConsoleInBrowserTest {

    /** The one-time code stands alone on its line in the letters that carry one. */
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^\\s+([0-9]{6})\\s*$");

    /** A customer whose requests staff work on. */
    private static Customer customer;
    /** A customer who asks to be erased in the privacy centre. */
    private static Customer leaving;
    /** A customer who changes their marketing choices in the privacy centre. */
    private static Customer choosing;
    /** A customer who asks for a copy of their data. */
    private static Customer asking;
    /** A customer whose browser sends the Global Privacy Control signal. */
    private static Customer signalling;

    @BeforeAll
    static void customersOfTheStorefront() {
        List<Customer> known = ErasureCases.playStorefrontCustomers("cb" + UUID.randomUUID().toString().substring(0, 6),
                        16, 800, 1707).stream()
                .filter(c -> c.email() != null && c.name() != null)
                .toList();
        assertThat("the seeded run has five customers with an e-mail address", known.size() >= 5, is(true));
        customer = known.get(0);
        leaving = known.get(1);
        choosing = known.get(2);
        asking = known.get(3);
        signalling = known.get(4);
        known.subList(0, 5).forEach(ErasureCases::awaitKnownEverywhere);
    }

    @Test
    void aShopperAsksForDeletionInThePrivacyCentreAndTheOfficerSeesItThroughToTheCertificate() {
        String reference;
        String caseId;
        try (Browser shopper = new Browser()) {
            shopper.open(consoleUrl() + "/privacy-centre");
            assertThat(shopper.text(), containsString("ico.org.uk"));
            shopper.screenshot("privacy-centre-home");

            shopper.submit("#make-request");
            shopper.click("#type-ERASURE");
            shopper.type("email", leaving.email()).type("name", leaving.name().givenName());
            shopper.screenshot("privacy-centre-request-form");
            shopper.submit("#send-request");

            // dsr-service opened the case and mailed a code to the address the storefront has on file.
            reference = shopper.find("#request-reference").getText();
            caseId = shopper.url().substring(shopper.url().lastIndexOf('/') + 1);
            assertThat(shopper.has("#code-sent"), is(true));
            shopper.type("code", codeIn(Mailboxes.awaitLetter(leaving.email(), "Please confirm your identity",
                    reference)));
            shopper.submit("#verify");
            assertThat(shopper.find("#request-status").getAttribute("data-status"), not(equalTo("AWAITING_IDENTITY")));
            assertThat(shopper.find("#request-due").getText(), not(equalTo("")));
            shopper.screenshot("privacy-centre-request-status");
        }
        assertThat(trailOf(caseId), hasItem("identity-verified:ONE_TIME_CODE"));

        String[] officer = RunningSystem.consoleUsers().get(Roles.PRIVACY_OFFICER);
        try (Browser browser = new Browser()) {
            browser.signIn(consoleUrl(), officer[0], officer[1]);
            browser.open(consoleUrl() + "/console/requests");
            browser.submit("#queue a[href$='" + caseId + "']");
            assertThat(browser.heading(), containsString(reference));
            assertThat(browser.text(), containsString("web form"));
            browser.submit("#approve");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                browser.open(consoleUrl() + "/console/requests/" + caseId);
                return browser.has("#certificate");
            });
            assertThat(browser.find("#status").getAttribute("data-status"), equalTo("PARTIALLY_COMPLETED"));
        }
        assertThat("the console's log", RunningSystem.consoleLog(), not(containsString(leaving.email())));
    }

    @Test
    void aShopperWithdrawsEmailMarketingInThePrivacyCentreAndTheConsentCheckSaysNo() {
        try (Browser shopper = new Browser()) {
            shopper.open(consoleUrl() + "/privacy-centre/preferences/sign-in");
            shopper.type("email", choosing.email());
            shopper.submit("#send-code");
            assertThat(shopper.has("#code-sent"), is(true));
            shopper.type("code", codeIn(awaitSignInLetter(choosing.email())));
            shopper.submit("#sign-in");
            assertThat(shopper.url(), endsWith("/privacy-centre/preferences"));

            // First they say yes to e-mail marketing, so that the withdrawal below is a change.
            shopper.click("#purpose-EMAIL_MARKETING-granted");
            shopper.submit("#save-preferences");
            assertThat(shopper.has("#saved"), is(true));
            await().atMost(Duration.ofSeconds(20)).until(() -> emailMarketingAllowed(choosing.subjectId()));
            shopper.screenshot("privacy-centre-preferences");

            shopper.click("#purpose-EMAIL_MARKETING-withdrawn");
            shopper.submit("#save-preferences");
            assertThat(shopper.has("#saved"), is(true));
            assertThat(shopper.find("#purpose-EMAIL_MARKETING-current").getText(), containsString("not allowed"));
        }
        // The very next check says no: the storefront will not send them marketing e-mail.
        assertThat(emailMarketingAllowed(choosing.subjectId()), is(false));
        assertThat("the console's log", RunningSystem.consoleLog(), not(containsString(choosing.email())));
    }

    @Test
    void theOfficerFindsARequestInTheQueueApprovesTheErasureAndSeesTheCertificate() {
        JsonPath opened = ErasureCases.openErasureCase(customer);
        String reference = opened.getString("reference");
        String id = opened.getString("id");
        String[] officer = RunningSystem.consoleUsers().get(Roles.PRIVACY_OFFICER);

        try (Browser browser = new Browser()) {
            browser.signIn(consoleUrl(), officer[0], officer[1]);
            assertThat(browser.url(), endsWith("/console"));
            browser.screenshot("console-dashboard");

            browser.open(consoleUrl() + "/console/requests");
            assertThat(browser.heading(), equalTo("Requests"));
            assertThat(browser.find("#queue").getText(), containsString(reference));
            browser.screenshot("console-request-queue");

            browser.submit("#queue a[href$='" + id + "']");
            assertThat(browser.heading(), containsString(reference));
            assertThat(browser.find("#status").getAttribute("data-status"), equalTo("RECEIVED"));
            browser.submit("#approve");
            assertThat(browser.text(), containsString("Erasure requested from every service."));

            // The services answer with their receipts; the page follows the erasure by itself (htmx, every 5 s)
            // and shows the certificate once they all have, without the officer reloading it.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> browser.has("#certificate"));
            browser.open(consoleUrl() + "/console/requests/" + id);
            assertThat(browser.find("#status").getAttribute("data-status"), equalTo("PARTIALLY_COMPLETED"));
            assertThat(browser.find("#certificate-summary").getText(), containsString("storefront"));
            assertThat(browser.find("#timeline").getText(), containsString("erasure"));
            browser.screenshot("console-request-erasure-certificate");
        }
    }

    @Test
    void aShopperWhoseBrowserSendsTheGlobalPrivacyControlSignalIsOptedOutOfSaleAndSharing() {
        // At checkout they had accepted advertising cookies.
        given().baseUri(RunningSystem.url(RunningSystem.Service.CONSENT))
                .header("Authorization", TestTokens.bearer(Roles.STOREFRONT))
                .contentType("application/json")
                .body(Map.of("choices", List.of(Map.of("purpose", "ADVERTISING_COOKIES", "state", "GRANTED")),
                        "policyVersion", "2026-11", "source", "COOKIE_BANNER", "method", "ACCEPT"))
                .when().post("/api/v1/subjects/{subject}/consent-decisions", signalling.subjectId())
                .then().statusCode(201);
        assertThat(allowed(signalling.subjectId(), "ADVERTISING_COOKIES"), is(true));

        try (Browser shopper = new Browser()) {
            shopper.sendGlobalPrivacyControl();
            shopper.open(consoleUrl() + "/privacy-centre/preferences/sign-in");
            shopper.type("email", signalling.email());
            shopper.submit("#send-code");
            shopper.type("code", codeIn(awaitSignInLetter(signalling.email())));
            shopper.submit("#sign-in");
            assertThat(shopper.find("#gpc-notice").getText(), containsString("Global Privacy Control"));
            assertThat(shopper.find("#purpose-ADVERTISING_COOKIES-current").getText(), containsString("not allowed"));
        }
        // Honoured by the services, not only shown: the advertising cookies are no longer allowed.
        assertThat(allowed(signalling.subjectId(), "ADVERTISING_COOKIES"), is(false));
    }

    @Test
    void theOfficerFindsAnAccessRequestByTheRequestersEmailAndReviewsThePackageBeforeReleasingIt() {
        String caseId = openVerifiedAccessCase(asking);
        String reference = requestCase(caseId).getString("reference");
        String[] officer = RunningSystem.consoleUsers().get(Roles.PRIVACY_OFFICER);

        try (Browser browser = new Browser()) {
            browser.signIn(consoleUrl(), officer[0], officer[1]);
            browser.open(consoleUrl() + "/console/requests");
            browser.type("search-query", asking.email().toUpperCase());
            browser.submit("#search");
            // Found by the keyed hash of the address; the address itself is not written back into the page.
            assertThat(browser.find("#queue").getText(), containsString(reference));
            assertThat(browser.text(), not(containsString(asking.email())));
            browser.submit("#queue a[href$='" + caseId + "']");

            browser.submit("#prepare-package-for-review");
            assertThat(browser.url(), endsWith("/console/requests/" + caseId + "/access-package"));
            assertThat(browser.find("#package-sections").getText(), containsString("storefront"));
            browser.screenshot("console-access-package-review");
            // Nothing has gone to the requester yet.
            assertThat(Mailboxes.lettersTo(asking.email()).stream().map(Mailboxes::subjectOf)
                    .anyMatch(subject -> subject.startsWith("Your request is complete")
                            && subject.contains(reference)), is(false));

            browser.submit("#release-package");
            assertThat(browser.url(), containsString("/console/requests/" + caseId));
            assertThat(browser.text(), containsString("The access package is prepared and the link sent."));
        }
        Mailboxes.awaitLetter(asking.email(), "Your request is complete", reference);
        assertThat(trailOf(caseId), hasItem("access-package-released"));
    }

    @Test
    void everyStaffScreenOpensForEveryRoleAndShowsWhatTheRoleMayRead() {
        Map<String, String> screens = new LinkedHashMap<>();
        screens.put("console-dashboard", "/console");
        screens.put("console-customer", "/console/customers/" + customer.subjectId());
        screens.put("console-retention", "/console/retention?days=30");
        screens.put("console-recipients", "/console/recipients");
        screens.put("console-consent", "/console/consent");
        screens.put("console-audit", "/console/audit");
        for (String role : List.of(Roles.PRIVACY_OFFICER, Roles.CUSTOMER_SERVICE, Roles.AUDITOR)) {
            String[] user = RunningSystem.consoleUsers().get(role);
            try (Browser browser = new Browser()) {
                browser.signIn(consoleUrl(), user[0], user[1]);
                screens.forEach((name, path) -> {
                    browser.open(consoleUrl() + path);
                    assertThat(role + " on " + path, browser.has(".govuk-error-summary"), is(false));
                    assertThat(role + " on " + path, browser.heading(), not(containsString("problem")));
                    assertThat(role + " on " + path, browser.text(), containsString("Signed in as " + user[0]));
                    if (role.equals(Roles.PRIVACY_OFFICER)) {
                        browser.screenshot(name);
                    }
                });
                // What each role reads is the services' decision: the customer view shows the consents to all
                // three, the retention timeline only to the officer and the auditor.
                browser.open(consoleUrl() + "/console/customers/" + customer.subjectId());
                assertThat(role, browser.has("#consents"), is(true));
                assertThat(role, browser.has("#retention-timeline"), is(!role.equals(Roles.CUSTOMER_SERVICE)));
            }
            // Each read was made as that person: the services' audit logs name them, not the console.
            assertThat(role, readersOf(RunningSystem.Service.CONSENT, "consent.state.read"), hasItem(user[0]));
            assertThat(role, readersOf(RunningSystem.Service.DISCLOSURE, "disclosure.subject.read"),
                    hasItem(user[0]));
        }
    }

    /** Who read the customer's data, by the service's audit log. */
    private static List<String> readersOf(RunningSystem.Service service, String action) {
        return given().baseUri(RunningSystem.url(service))
                .header("Authorization", TestTokens.bearer(Roles.AUDITOR))
                .queryParam("subjectId", customer.subjectId()).queryParam("limit", 1000)
                .when().get("/api/v1/audit-log")
                .then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.action == '" + action + "' }.actor", String.class);
    }

    @Test
    void customerServiceSeesNoExtendOrRefuseAndTheServiceRefusesThemAnyway() {
        String id = ErasureCases.openErasureCase(customer).getString("id");
        String[] agent = RunningSystem.consoleUsers().get(Roles.CUSTOMER_SERVICE);

        try (Browser browser = new Browser()) {
            browser.signIn(consoleUrl(), agent[0], agent[1]);
            browser.open(consoleUrl() + "/console/requests/" + id);
            assertThat(browser.has("#extend"), is(false));
            assertThat(browser.has("#refuse"), is(false));
            assertThat(browser.has("#approve"), is(false));
            browser.screenshot("console-request-customer-service");

            // A form forged with the page's own CSRF token gets through the console to dsr-service, which refuses it.
            Object status = browser.script(FORGED_POST, "/console/requests/" + id + "/extension",
                    "reason=Complex");
            assertThat(status, equalTo(403L));
            Object refusal = browser.script(FORGED_POST, "/console/requests/" + id + "/refusal",
                    "reason=MANIFESTLY_UNFOUNDED&explanation=No");
            assertThat(refusal, equalTo(403L));
        }
        assertThat(ErasureCases.caseStatus(id), equalTo("RECEIVED"));
        assertThat(trailOf(id), not(hasItem("extended")));
    }

    @Test
    void consolePagesNeedASessionAndFormsNeedTheirCsrfToken() {
        String id = ErasureCases.openErasureCase(customer).getString("id");
        String[] officer = RunningSystem.consoleUsers().get(Roles.PRIVACY_OFFICER);

        try (Browser browser = new Browser()) {
            browser.open(consoleUrl() + "/console/requests/" + id);
            assertThat("no session: the sign-in page", browser.url(), endsWith("/console/sign-in"));
            browser.screenshot("console-sign-in");

            browser.signIn(consoleUrl(), officer[0], "not-the-password");
            assertThat(browser.text(), containsString("The name or the password is not right"));

            browser.signIn(consoleUrl(), officer[0], officer[1]);
            browser.open(consoleUrl() + "/console/requests/" + id);
            Object withoutToken = browser.script(FORGED_POST_WITHOUT_TOKEN, "/console/requests/" + id + "/comments",
                    "text=forged");
            assertThat(withoutToken, equalTo(400L));
            Object withWrongToken = browser.script(FORGED_POST_WITH_TOKEN, "/console/requests/" + id + "/comments",
                    "text=forged", "d2hhdGV2ZXI");
            assertThat(withWrongToken, equalTo(400L));

            // Signed out, the session cookie no longer opens anything.
            browser.press("Sign out");
            browser.open(consoleUrl() + "/console/requests/" + id);
            assertThat(browser.url(), endsWith("/console/sign-in"));
        }
        assertThat(trailOf(id), not(hasItem("commented")));
    }

    /** Posts a form with the page's CSRF token, as a forged but same-site request would; resolves to the status. */
    private static final String FORGED_POST = """
            const done = arguments[arguments.length - 1];
            const token = document.querySelector("input[name='csrf-token']").value;
            fetch(arguments[0], {method: 'POST', redirect: 'manual',
                headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                body: arguments[1] + '&csrf-token=' + encodeURIComponent(token)}).then(r => done(r.status));
            """;
    private static final String FORGED_POST_WITHOUT_TOKEN = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], {method: 'POST', redirect: 'manual',
                headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                body: arguments[1]}).then(r => done(r.status));
            """;
    private static final String FORGED_POST_WITH_TOKEN = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], {method: 'POST', redirect: 'manual',
                headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                body: arguments[1] + '&csrf-token=' + arguments[2]}).then(r => done(r.status));
            """;

    private static String codeIn(MimeMessage letter) {
        Matcher code = CODE_LINE.matcher(Mailboxes.textOf(letter));
        assertThat("the letter holds a one-time code", code.find(), is(true));
        return code.group(1);
    }

    private static MimeMessage awaitSignInLetter(String address) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> Mailboxes.lettersTo(address).stream()
                .filter(letter -> Mailboxes.subjectOf(letter).startsWith("Your code to sign in"))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    private static boolean emailMarketingAllowed(String subject) {
        return allowed(subject, "EMAIL_MARKETING");
    }

    /** What the consent check answers the storefront's marketing tools for this subject and purpose. */
    private static boolean allowed(String subject, String purpose) {
        return given().baseUri(RunningSystem.url(RunningSystem.Service.CONSENT))
                .header("Authorization", TestTokens.bearer(Roles.MARKETING))
                .queryParam("subjectId", subject).queryParam("purpose", purpose)
                .when().get("/api/v1/consent-checks")
                .then().statusCode(200).extract().jsonPath().getBoolean("allowed");
    }

    /** An access request by phone for the customer, identity checked by the officer: ready for its package. */
    private static String openVerifiedAccessCase(Customer of) {
        String id = given().baseUri(RunningSystem.url(RunningSystem.Service.DSR))
                .header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .contentType("application/json")
                .body(Map.of("type", "ACCESS", "channel", "PHONE", "subjectId", of.subjectId(),
                        "requester", Map.of("email", of.email())))
                .when().post("/api/v1/requests")
                .then().statusCode(201).extract().path("id");
        given().baseUri(RunningSystem.url(RunningSystem.Service.DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .contentType("application/json")
                .body(Map.of("method", "DOCUMENT", "outcome", "VERIFIED"))
                .when().post("/api/v1/requests/{id}/identity-checks", id)
                .then().statusCode(200);
        return id;
    }

    private static JsonPath requestCase(String caseId) {
        return given().baseUri(RunningSystem.url(RunningSystem.Service.DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/requests/{id}", caseId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> trailOf(String caseId) {
        return given().baseUri(RunningSystem.url(RunningSystem.Service.DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/requests/{id}", caseId)
                .then().statusCode(200).extract().jsonPath().getList("trail.action", String.class);
    }
}
