package com.justelegance.privacy.system;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.simulator.StorefrontSimulator;
import com.justelegance.privacy.simulator.customers.Customer;
import com.justelegance.privacy.simulator.customers.CustomerDirectory;
import com.justelegance.privacy.testing.TestInfrastructure;
import com.justelegance.privacy.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.justelegance.privacy.system.RunningSystem.Service.CONSENT;
import static com.justelegance.privacy.system.RunningSystem.Service.DISCLOSURE;
import static com.justelegance.privacy.system.RunningSystem.Service.DSR;
import static com.justelegance.privacy.system.RunningSystem.Service.RETENTION;
import static com.justelegance.privacy.system.RunningSystem.url;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * The steps of an erasure request as the storefront and staff take them, for the system tests: the storefront plays
 * its customers (as {@code ./stack demo} does), staff open a case and ask for the erasure over dsr-service's API, and
 * read where it stands.
 */
final class ErasureCases {

    private ErasureCases() {
    }

    /**
     * Plays a run of storefront customers against the running system, as {@code ./stack demo} does: their events to
     * the broker, their consent choices to consent-service, and the customers themselves into the simulated
     * storefront's directory. Returns the run's customers as the storefront holds them.
     */
    static List<Customer> playStorefrontCustomers(String runId, int customers, int historyDays, long seed) {
        String storefrontToken = TestTokens.bearer(Roles.STOREFRONT).substring("Bearer ".length());
        int exitCode = StorefrontSimulator.commandLine().execute(
                "--bootstrap", TestInfrastructure.kafkaBootstrap(), "--consent-url", url(CONSENT),
                "--token", storefrontToken, "--customers", Integer.toString(customers),
                "--history-days", Integer.toString(historyDays), "--seed", Long.toString(seed), "--run-id", runId,
                "--data-dir", RunningSystem.storefrontDataDir().toString());
        assertThat("the storefront simulator's exit code", exitCode, equalTo(0));
        try {
            return new CustomerDirectory(RunningSystem.storefrontDataDir()).customers().stream()
                    .filter(customer -> customer.subjectId().startsWith("cust-" + runId + "-"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until every service holds what the storefront's events say of the customer: a timeline in
     * retention-service and one disclosure ledger entry at least per order in disclosure-service.
     */
    static void awaitKnownEverywhere(Customer customer) {
        String subject = customer.subjectId();
        List<String> orderIds = customer.orders().stream().map(Customer.Order::orderId).toList();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().baseUri(url(RETENTION))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/timeline", subject)
                .then().statusCode(200));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().baseUri(url(DISCLOSURE))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/subjects/{subject}/disclosures", subject)
                .then().statusCode(200)
                .body("reference", hasItems(orderIds.toArray())));
    }

    /**
     * Customer service records the customer's erasure request as it came by e-mail, for the subject the
     * storefront knows them by; returns the case.
     */
    static JsonPath openErasureCase(Customer customer) {
        Map<String, Object> requester = new LinkedHashMap<>();
        requester.put("name", customer.name().givenName() + " " + customer.name().familyName());
        requester.put("email", customer.email());
        requester.put("customerNumber", customer.customerNumber());
        requester.put("message", "Please delete my account and everything you hold about me.");
        return given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.CUSTOMER_SERVICE))
                .contentType(ContentType.JSON)
                .body(Map.of("type", "ERASURE", "channel", "EMAIL", "requester", requester,
                        "subjectId", customer.subjectId()))
                .when().post("/api/v1/requests")
                .then().statusCode(201)
                .extract().jsonPath();
    }

    /** The privacy officer asks every service to erase the case's subject; returns the case as it then stands. */
    static JsonPath requestErasure(String caseId) {
        return given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().post("/api/v1/requests/{id}/erasure", caseId)
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** The case's status. */
    static String caseStatus(String caseId) {
        return given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/requests/{id}", caseId)
                .then().statusCode(200)
                .extract().jsonPath().getString("status");
    }

    /** The case's erasure: the receipts in, who is awaited, whether that is overdue. */
    static JsonPath erasure(String caseId) {
        return given().baseUri(url(DSR))
                .header("Authorization", TestTokens.bearer(Roles.PRIVACY_OFFICER))
                .when().get("/api/v1/requests/{id}/erasure", caseId)
                .then().statusCode(200)
                .extract().jsonPath();
    }
}
