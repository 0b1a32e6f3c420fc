package com.justelegance.privacy.retention;

import com.justelegance.privacy.kit.security.Roles;
import com.justelegance.privacy.testing.RoleMatrix.Call;
import com.justelegance.privacy.testing.RoleMatrix.Endpoint;
import com.justelegance.privacy.testing.RoleMatrix;
import com.justelegance.privacy.testing.RoleMatrixTests;
import com.justelegance.privacy.testing.TestClock;
import com.justelegance.privacy.testing.TestEvents;
import com.justelegance.privacy.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.justelegance.privacy.retention.RetentionApi.holds;
import static com.justelegance.privacy.retention.RetentionApi.placeLegalHold;
import static com.justelegance.privacy.retention.RetentionApi.runPurge;
import static com.justelegance.privacy.retention.RetentionApi.timeline;
import static com.justelegance.privacy.retention.RetentionEvents.newSubject;
import static com.justelegance.privacy.retention.RetentionEvents.order;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Every endpoint against every caller (see RoleMatrix): the roles it names make a valid call and get its exact
 * success status, every other caller gets 403 and changes nothing, and no token gets 401. The clock stands in 1980,
 * where nobody any other test made is due, so a purge run erases nobody. Holds go on fresh subjects; rule changes
 * use a fresh category, deleted again after the cell. The reads are of a subject with a timeline and of one the
 * purge erased: ordered in 1960 and purged with the clock standing in 1970, before anyone else is due.
 */
@QuarkusTest
class RoleMatrixTest extends RoleMatrixTests {

    RoleMatrixTest() {
        super(Roles.ALL, Roles.SERVICES);
    }

    private static final Set<String> OFFICER = Set.of(Roles.PRIVACY_OFFICER);
    private static final Set<String> OFFICER_AND_AUDITOR = Set.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR);
    /** dsr-service reads timelines for access packages. */
    private static final Set<String> OFFICER_AUDITOR_AND_DSR = Set.of(Roles.PRIVACY_OFFICER, Roles.AUDITOR,
            Roles.DSR_SERVICE);
    private static final Instant MATRIX_NOW = Instant.parse("1980-01-01T00:00:00Z");

    private static String subjectWithTimeline;
    private static Purged purged;

    @Inject
    TestClock clock;

    /** A subject the purge erased: the run that requested it and the request. */
    private record Purged(String subject, String runId, String requestId) {
    }

    @Override
    protected List<Endpoint> serviceEndpoints() {
        return List.of(
                Endpoint.of("GET /api/v1/subjects/{id}/timeline", 200, OFFICER_AUDITOR_AND_DSR,
                        () -> Call.get("/api/v1/subjects/" + subjectWithTimeline + "/timeline")),
                Endpoint.of("GET /api/v1/retention-rules", 200, OFFICER_AND_AUDITOR,
                        () -> Call.get("/api/v1/retention-rules")),
                Endpoint.of("GET /api/v1/retention-rules/history", 200, OFFICER_AND_AUDITOR,
                        () -> Call.get("/api/v1/retention-rules/history")),
                Endpoint.of("PUT /api/v1/retention-rules/{category}", 201, OFFICER, RoleMatrixTest::putRule),
                Endpoint.of("DELETE /api/v1/retention-rules/{category}", 204, OFFICER, RoleMatrixTest::deleteRule),
                Endpoint.of("GET /api/v1/subjects/{id}/holds", 200, OFFICER_AND_AUDITOR,
                        () -> Call.get("/api/v1/subjects/" + subjectWithTimeline + "/holds")),
                Endpoint.of("POST /api/v1/subjects/{id}/legal-holds", 201, OFFICER, RoleMatrixTest::placeHold),
                Endpoint.of("POST /api/v1/legal-holds/{id}/release", 200, OFFICER, RoleMatrixTest::releaseHold),
                Endpoint.of("POST /api/v1/purge-runs", 201, OFFICER, RoleMatrixTest::startPurge),
                Endpoint.of("GET /api/v1/purge-runs", 200, OFFICER_AND_AUDITOR, () -> Call.get("/api/v1/purge-runs")),
                Endpoint.of("GET /api/v1/purge-runs/{id}", 200, OFFICER_AND_AUDITOR,
                        () -> Call.get("/api/v1/purge-runs/" + purged.runId())),
                Endpoint.of("GET /api/v1/purge-runs/{id}/erasure-requests", 200, OFFICER_AND_AUDITOR,
                        () -> Call.get("/api/v1/purge-runs/" + purged.runId() + "/erasure-requests")),
                Endpoint.of("GET /api/v1/purge-preview", 200, OFFICER_AND_AUDITOR,
                        () -> Call.get("/api/v1/purge-preview?days=30")),
                Endpoint.of("GET /api/v1/erasure-requests/overdue", 200, OFFICER_AND_AUDITOR,
                        () -> Call.get("/api/v1/erasure-requests/overdue?limit=5")),
                Endpoint.of("GET /api/v1/erasure-requests/{id}", 200, OFFICER_AND_AUDITOR,
                        () -> Call.get("/api/v1/erasure-requests/" + purged.requestId())),
                Endpoint.of("GET /api/v1/subjects/{id}/erasure", 200, OFFICER_AND_AUDITOR,
                        () -> Call.get("/api/v1/subjects/" + purged.subject() + "/erasure")));
    }

    @BeforeEach
    void standWhereNobodyIsDueWithTheSubjectsToRead() {
        if (subjectWithTimeline == null) {
            String subject = newSubject();
            TestEvents.publish(order(subject, Instant.parse("2026-01-15T10:00:00Z")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> timeline(subject).statusCode(200));
            subjectWithTimeline = subject;
        }
        if (purged == null) {
            purged = purgeASubjectOrderedIn1960();
        }
        clock.standAt(MATRIX_NOW);
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    private Purged purgeASubjectOrderedIn1960() {
        String subject = newSubject();
        TestEvents.publish(order(subject, Instant.parse("1960-01-01T10:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> timeline(subject).statusCode(200)
                .body("erasureDueAt", equalTo("1966-01-01T10:00:00Z")));
        clock.standAt(Instant.parse("1970-01-01T00:00:00Z"));
        String runId = runPurge().body("erasuresRequested", equalTo(1)).extract().path("runId");
        String requestId = as(Roles.AUDITOR).when().get("/api/v1/purge-runs/{run}/erasure-requests", runId)
                .then().statusCode(200).body("$", hasSize(1))
                .extract().path("[0].requestId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Roles.AUDITOR)
                .when().get("/api/v1/subjects/{subject}/erasure", subject)
                .then().statusCode(200).body("requestId", equalTo(requestId)));
        return new Purged(subject, runId, requestId);
    }

    private static Call putRule() {
        String category = newCategory();
        return Call.put("/api/v1/retention-rules/" + category, rule())
                .expecting(response -> rules().body("category", hasItem(category)))
                .whenRefused(() -> rules().body("category", not(hasItem(category))))
                .cleanUp(() -> deleteIfPresent(category));
    }

    private static Call deleteRule() {
        String category = newCategory();
        as(Roles.PRIVACY_OFFICER).body(rule()).when().put("/api/v1/retention-rules/{c}", category)
                .then().statusCode(201);
        return Call.delete("/api/v1/retention-rules/" + category)
                .expecting(response -> rules().body("category", not(hasItem(category))))
                .whenRefused(() -> rules().body("category", hasItem(category)))
                .cleanUp(() -> deleteIfPresent(category));
    }

    private static Call placeHold() {
        String subject = newSubject();
        return Call.post("/api/v1/subjects/" + subject + "/legal-holds",
                        "{\"reason\": \"OTHER\", \"reference\": \"ROLE-MATRIX\"}")
                .expecting(response -> holds(subject).body("held", equalTo(true)).body("legalHolds", hasSize(1)))
                .whenRefused(() -> holds(subject).body("held", equalTo(false)).body("legalHolds", empty()));
    }

    private static Call releaseHold() {
        String subject = newSubject();
        String holdId = placeLegalHold(subject);
        return Call.post("/api/v1/legal-holds/" + holdId + "/release", null)
                .expecting(response -> {
                    response.body("releasedAt", notNullValue());
                    holds(subject).body("held", equalTo(false));
                })
                .whenRefused(() -> holds(subject).body("held", equalTo(true)));
    }

    private static Call startPurge() {
        int runsBefore = runCount();
        return Call.post("/api/v1/purge-runs", null)
                .expecting(response -> as(Roles.AUDITOR)
                        .when().get("/api/v1/purge-runs/{run}", response.extract().<String>path("runId"))
                        .then().statusCode(200).body("erasuresRequested", equalTo(0)))
                .whenRefused(() -> assertThat(runCount(), equalTo(runsBefore)));
    }

    private static int runCount() {
        return as(Roles.AUDITOR).when().get("/api/v1/purge-runs?limit=500")
                .then().statusCode(200).extract().path("size()");
    }

    private static ValidatableResponse rules() {
        return as(Roles.AUDITOR).when().get("/api/v1/retention-rules").then().statusCode(200);
    }

    private static void deleteIfPresent(String category) {
        List<String> categories = rules().extract().path("category");
        if (categories.contains(category)) {
            as(Roles.PRIVACY_OFFICER).when().delete("/api/v1/retention-rules/{c}", category)
                    .then().statusCode(204);
        }
    }

    private static String rule() {
        return "{\"anchor\": \"LAST_CONTACT\", \"period\": \"P6Y\", \"action\": \"ERASE\", "
                + "\"reason\": \"Role matrix test category\"}";
    }

    private static String newCategory() {
        return "MATRIX_" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }
}
