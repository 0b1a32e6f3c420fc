package com.justelegance.privacy.dsr.cases;

import com.justelegance.privacy.dsr.service.CaseMetrics;
import com.justelegance.privacy.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.justelegance.privacy.dsr.DsrApi.officer;
import static com.justelegance.privacy.dsr.DsrApi.openCase;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The Prometheus gauges of open and overdue cases move as cases open, fall due and close. */
@QuarkusTest
class CaseMetricsTest {

    @Inject
    CaseMetrics metrics;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void openAndOverdueCasesAreCountedForPrometheus() {
        clock.standAt(Instant.parse("2026-03-02T09:00:00Z"));
        metrics.refresh();
        double open = gauge("dsr_cases_open");
        double overdue = gauge("dsr_cases_overdue");

        String dueSoon = openCase("ACCESS", "m." + UUID.randomUUID() + "@example.com",
                "\"receivedOn\": \"2026-02-02\"");
        String later = openCase("ACCESS", "m." + UUID.randomUUID() + "@example.com", null);
        metrics.refresh();
        assertThat(gauge("dsr_cases_open"), equalTo(open + 2));
        assertThat(gauge("dsr_cases_overdue"), equalTo(overdue));

        // Received 2 February, due Monday 2 March: overdue from the 3rd.
        clock.standAt(Instant.parse("2026-03-03T09:00:00Z"));
        metrics.refresh();
        double overdueOnThe3rd = gauge("dsr_cases_overdue");
        assertThat(overdueOnThe3rd >= overdue + 1, equalTo(true));

        officer(dueSoon, "completion", "{}").statusCode(200);
        officer(later, "withdrawal", "{}").statusCode(200);
        metrics.refresh();
        assertThat(gauge("dsr_cases_overdue"), equalTo(overdueOnThe3rd - 1));
    }

    private static double gauge(String name) {
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.E+-]+)$").matcher(scrape);
        if (!matcher.find()) {
            throw new AssertionError(name + " is not in the scrape");
        }
        return Double.parseDouble(matcher.group(1));
    }
}
