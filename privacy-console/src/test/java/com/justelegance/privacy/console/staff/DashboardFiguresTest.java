package com.justelegance.privacy.console.staff;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dashboard's figures from the services' lists, as JSON maps arrive (dates as ISO text). */
class DashboardFiguresTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    @Test
    void requestsAreCountedAsDueThisWeekOverdueOrPaused() {
        List<Map<String, Object>> queue = List.of(
                request("2026-06-10", false),   // due today: this week
                request("2026-06-16", false),   // the seventh day: this week
                request("2026-06-17", false),   // the eighth day: not
                request("2026-06-01", true),    // overdue, not also "this week"
                request(null, false));          // no due date while the clock is stopped: paused

        DashboardFigures.Requests figures = DashboardFigures.requests(queue, TODAY);

        assertEquals(new DashboardFigures.Requests(5, 2, 1, 1), figures);
    }

    @Test
    void onlyRunsStartedSinceTheCutOffCountTowardsRecentPurges() {
        Instant since = Instant.parse("2026-05-11T00:00:00Z");
        List<Map<String, Object>> runs = List.of(
                Map.of("startedAt", "2026-06-09T02:00:00Z", "erasuresRequested", 4),
                Map.of("startedAt", "2026-05-11T00:00:00Z", "erasuresRequested", 1),
                Map.of("startedAt", "2026-05-10T23:59:59Z", "erasuresRequested", 100));

        assertEquals(new DashboardFigures.Purges(2, 5), DashboardFigures.purges(runs, since));
    }

    @Test
    void erasuresAnsweredAreCompletedErasureCasesReceivedSinceTheCutOff() {
        List<Map<String, Object>> cases = List.of(
                erasureCase("COMPLETED", "2026-06-01"),
                erasureCase("PARTIALLY_COMPLETED", "2026-05-11"),
                erasureCase("REFUSED", "2026-06-01"),
                erasureCase("IN_PROGRESS", "2026-06-01"),
                erasureCase("COMPLETED", "2026-05-10"),
                Map.of("type", "ACCESS", "status", "COMPLETED", "receivedOn", "2026-06-01"));

        assertEquals(2, DashboardFigures.erasuresAnswered(cases, LocalDate.parse("2026-05-11")));
    }

    @Test
    void closedNoticesAreNotOutstanding() {
        List<Map<String, Object>> notices = List.of(
                Map.of("status", "TASK_OPEN", "overdue", true),
                Map.of("status", "SENT", "overdue", false),
                Map.of("status", "DELIVERING", "overdue", false),
                Map.of("status", "ACKNOWLEDGED", "overdue", false),
                Map.of("status", "IMPOSSIBLE", "overdue", false));

        assertEquals(new DashboardFigures.Notices(3, 1), DashboardFigures.notices(notices));
    }

    @Test
    void barsAreWidthsOfTheLargestFigure() {
        Map<String, Integer> figures = new LinkedHashMap<>();
        figures.put("Open", 8);
        figures.put("Overdue", 2);
        figures.put("Paused", 0);

        assertEquals(List.of(new DashboardFigures.Bar("Open", 8, 100), new DashboardFigures.Bar("Overdue", 2, 25),
                new DashboardFigures.Bar("Paused", 0, 0)), DashboardFigures.bars(figures));
        assertEquals(List.of(new DashboardFigures.Bar("Open", 0, 0)), DashboardFigures.bars(Map.of("Open", 0)));
    }

    private static Map<String, Object> request(String dueOn, boolean overdue) {
        Map<String, Object> row = new HashMap<>();
        row.put("dueOn", dueOn);
        row.put("overdue", overdue);
        return row;
    }

    private static Map<String, Object> erasureCase(String status, String receivedOn) {
        return Map.of("type", "ERASURE", "status", status, "receivedOn", receivedOn);
    }
}
