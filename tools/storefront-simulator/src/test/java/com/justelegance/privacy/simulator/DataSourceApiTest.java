package com.justelegance.privacy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import com.justelegance.privacy.events.Topics;
import com.justelegance.privacy.simulator.customers.Customer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The data-source API dsr-service calls, over HTTP, with customers a real simulator run played (their events on
 * the test broker, their data in the directory): look-ups by each identifier, the data of a customer agreeing
 * with the events sent about them, and refusals as problem documents that never quote what was asked.
 */
class DataSourceApiTest {

    private static RunningStorefront storefront;
    private static List<Customer> customers;
    private static Map<String, List<EventEnvelope<?>>> ordersSent;

    @BeforeAll
    static void playSomeCustomers() throws IOException {
        storefront = RunningStorefront.start();
        String runId = "ds" + UUID.randomUUID().toString().substring(0, 6);
        try (TopicWatch activity = TopicWatch.open(Topics.STOREFRONT_ACTIVITY)) {
            assertThat(storefront.play(runId, 12, 7), equalTo(0));
            customers = storefront.customers();
            int orders = customers.stream().mapToInt(customer -> customer.orders().size()).sum();
            ordersSent = activity.awaitEvents(event -> event.subjectId().startsWith("cust-" + runId + "-")
                            && event.payload() instanceof OrderPlaced, orders).stream()
                    .collect(Collectors.groupingBy(EventEnvelope::subjectId));
        }
        assertThat(customers.size(), equalTo(12));
    }

    @AfterAll
    static void stop() {
        storefront.close();
    }

    @Test
    void aCustomerIsFoundByEmailPhoneAndCustomerNumberAsAPersonWouldTypeThem() {
        Customer customer = customers.stream().filter(c -> c.phone() != null).findFirst().orElseThrow();
        String phoneDigits = customer.phone().replace(" ", "");

        assertThat(storefront.lookUp("email", customer.email()), contains(customer.subjectId()));
        assertThat(storefront.lookUp("email", "  " + customer.email().toUpperCase() + " "),
                contains(customer.subjectId()));
        // Shared household numbers are possible, so the phone's answer holds the customer among any others.
        assertThat(storefront.lookUp("phone", customer.phone()), hasItem(customer.subjectId()));
        assertThat(storefront.lookUp("phone", "+44 " + phoneDigits.substring(1)), hasItem(customer.subjectId()));
        assertThat(storefront.lookUp("customerNumber", customer.customerNumber().toLowerCase()),
                contains(customer.subjectId()));
    }

    @Test
    void anIdentifierNobodyHoldsFindsNoSubject() {
        assertThat(storefront.lookUp("email", "nobody-" + UUID.randomUUID() + "@example.com"), empty());
        assertThat(storefront.lookUp("phone", "07700 900 000 000"), empty());
        assertThat(storefront.lookUp("customerNumber", "JE-NOSUCH-00001"), empty());
    }

    @Test
    void aCustomersDataComesInItsCategoriesWithThePolicyFactsAndAgreesWithTheEventsSent() {
        Customer customer = customers.stream().filter(c -> c.orders().size() > 1).findFirst().orElseThrow();

        HttpResponse<String> response = storefront.getAsDsrService(
                "/data-source/v1/subjects/" + customer.subjectId() + "/data");

        assertThat(response.body(), response.statusCode(), equalTo(200));
        assertThat(response.headers().firstValue("Cache-Control").orElse(""), equalTo("no-store"));
        JsonNode data = RunningStorefront.json(response.body());
        assertThat(data.get("subjectId").asText(), equalTo(customer.subjectId()));
        List<String> categories = new ArrayList<>();
        data.get("categories").forEach(category -> {
            categories.add(category.get("category").asText());
            for (String fact : List.of("purpose", "retention", "source")) {
                assertThat(category.get("category") + " " + fact, category.get(fact).asText().isBlank(),
                        equalTo(false));
            }
            assertThat(category.get("lawfulBasis").isEmpty(), equalTo(false));
            assertThat(category.get("dataCategories").isEmpty(), equalTo(false));
        });
        assertThat(categories, contains("identity", "contact", "addresses", "orders", "preferences"));

        JsonNode identity = category(data, "identity").get("data");
        assertThat(identity.get("customerNumber").asText(), equalTo(customer.customerNumber()));
        assertThat(identity.get("name").get("familyName").asText(), equalTo(customer.name().familyName()));
        assertThat(category(data, "contact").get("data").get("email").asText(), equalTo(customer.email()));
        assertThat(category(data, "addresses").get("data").size(), equalTo(customer.addresses().size()));
        assertThat(category(data, "addresses").get("data").get(0).get("postcode").asText(),
                equalTo(customer.addresses().getFirst().postcode()));
        JsonNode orders = category(data, "orders");
        assertThat(orders.get("retention").asText(), containsString("6 years"));
        assertThat(lawfulBases(orders), containsInAnyOrder("CONTRACT", "LEGAL_OBLIGATION"));
        assertThat(lawfulBases(category(data, "preferences")), contains("CONSENT"));

        // The orders served are the orders the storefront announced: same ids, same times.
        Map<String, Instant> served = new HashMap<>();
        orders.get("data").forEach(order -> {
            served.put(order.get("orderId").asText(), Instant.parse(order.get("placedAt").asText()));
            assertThat(order.get("total").decimalValue().signum(), equalTo(1));
            assertThat(order.get("items").isEmpty(), equalTo(false));
            assertThat(order.get("recipientName"), notNullValue());
        });
        Map<String, Instant> sent = ordersSent.get(customer.subjectId()).stream().collect(Collectors.toMap(
                event -> ((OrderPlaced) event.payload()).orderId(), EventEnvelope::occurredAt));
        assertThat(served, equalTo(sent));
    }

    @Test
    void aSubjectTheStorefrontDoesNotKnowIsA404Problem() {
        HttpResponse<String> response = storefront.getAsDsrService("/data-source/v1/subjects/cust-nobody/data");

        assertProblem(response, 404, "subject-not-found");
    }

    @Test
    void aQueryWithoutOrWithSeveralIdentifierKindsIsA400NamingTheFieldsWithoutTheirValues() {
        Customer customer = customers.getFirst();
        String email = RunningStorefront.encode(customer.email());
        String number = RunningStorefront.encode(customer.customerNumber());

        HttpResponse<String> none = storefront.getAsDsrService("/data-source/v1/subjects");
        assertProblem(none, 400, "validation-failed");
        assertThat(none.body(), containsString("\"field\":\"customerNumber\""));

        HttpResponse<String> two = storefront.getAsDsrService("/data-source/v1/subjects?email=" + email
                + "&customerNumber=" + number);
        assertProblem(two, 400, "validation-failed");
        assertThat(two.body(), containsString("\"field\":\"email\""));
        assertThat(two.body(), containsString("\"field\":\"customerNumber\""));
        assertNotQuoted(two, customer.email(), customer.customerNumber());

        HttpResponse<String> twice = storefront.getAsDsrService("/data-source/v1/subjects?email=" + email
                + "&email=" + email);
        assertProblem(twice, 400, "validation-failed");
        assertNotQuoted(twice, customer.email());
    }

    @Test
    void badIdentifierValuesAreA400NamingTheFieldWithoutTheValue() {
        Map<String, String> bad = Map.of(
                "/data-source/v1/subjects?email=", "email",
                "/data-source/v1/subjects?phone=no-digits-here", "phone",
                "/data-source/v1/subjects?email=jane.doe%00%40example.com", "email",
                "/data-source/v1/subjects?email=jane.doe%E9%40example.com", "email",
                "/data-source/v1/subjects?surname=Quixote", "surname",
                "/data-source/v1/subjects/jane.doe%40example.com/data", "subjectId");
        bad.forEach((pathAndQuery, field) -> {
            HttpResponse<String> response = storefront.getAsDsrService(pathAndQuery);
            assertThat(pathAndQuery, response.statusCode(), equalTo(400));
            assertThat(response.headers().firstValue("Content-Type").orElse(""),
                    equalTo("application/problem+json"));
            assertThat(response.body(), containsString("\"field\":\"" + field + "\""));
            assertNotQuoted(response, "jane.doe", "no-digits", "Quixote");
        });
    }

    @Test
    void onlyAValidDsrServiceTokenOpensTheApi() {
        String path = "/data-source/v1/subjects/" + customers.getFirst().subjectId() + "/data";
        Instant now = Instant.now();

        assertProblem(storefront.get(path, null), 401, "unauthenticated");
        assertProblem(storefront.get(path, "Bearer not-a-token"), 401, "unauthenticated");
        assertProblem(storefront.get(path, RunningStorefront.bearerSignedByAnotherKey("dsr-service")), 401,
                "unauthenticated");
        assertProblem(storefront.get(path, storefront.bearer(now.minus(Duration.ofHours(2)),
                now.minus(Duration.ofHours(1)), "dsr-service")), 401, "unauthenticated");
        // Longer than a service role's token may live (an hour), like the services refuse it.
        assertProblem(storefront.get(path, storefront.bearer(now.minusSeconds(60), now.plus(Duration.ofHours(3)),
                "dsr-service")), 401, "unauthenticated");
        assertProblem(storefront.get(path, storefront.bearer("privacy-officer")), 403, "forbidden");
        assertThat(storefront.get(path, storefront.bearer("dsr-service")).statusCode(), equalTo(200));
    }

    @Test
    void otherPathsAndMethodsAreProblemsToo() {
        assertProblem(storefront.getAsDsrService("/data-source/v1/orders"), 404, "not-found");
        assertThat(storefront.get("/health", null).statusCode(), equalTo(200));
    }

    private static JsonNode category(JsonNode data, String name) {
        for (JsonNode category : data.get("categories")) {
            if (category.get("category").asText().equals(name)) {
                return category;
            }
        }
        throw new AssertionError("No category " + name + " in " + data);
    }

    private static List<String> lawfulBases(JsonNode category) {
        List<String> bases = new ArrayList<>();
        category.get("lawfulBasis").forEach(basis -> bases.add(basis.asText()));
        return bases;
    }

    static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.body(), response.statusCode(), equalTo(status));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), equalTo("application/problem+json"));
        JsonNode problem = RunningStorefront.json(response.body());
        assertThat(problem.get("type").asText(), equalTo("https://privacy.justelegance.com/problems/" + slug));
        assertThat(problem.get("status").asInt(), equalTo(status));
    }

    private static void assertNotQuoted(HttpResponse<String> response, String... values) {
        for (String value : values) {
            assertThat(response.body(), not(containsString(value)));
            assertThat(response.body(), not(containsString(value.toLowerCase())));
        }
    }
}
