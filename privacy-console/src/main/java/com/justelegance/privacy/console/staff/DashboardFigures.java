package com.justelegance.privacy.console.staff;

import io.quarkus.qute.TemplateData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's counting, kept apart from the calls so it can be tested: what the services' lists add up to.
 * The services answer lists as JSON (dates as ISO text); a row without the field counted is not counted.
 */
public final class DashboardFigures {

    /** The request statuses dsr-service closes a case with, having answered it. */
    private static final Set<String> ANSWERED = Set.of("COMPLETED", "PARTIALLY_COMPLETED");
    /** Art. 19 notice statuses that close a notice. */
    private static final Set<String> NOTICE_CLOSED = Set.of("ACKNOWLEDGED", "IMPOSSIBLE", "DISPROPORTIONATE");

    private DashboardFigures() {
    }

    /** The open requests: how many, due within the next seven days (not overdue), overdue, paused. */
    @TemplateData
    public record Requests(int open, int dueThisWeek, int overdue, int paused) {
    }

    /** Counts dsr-service's queue of open cases, as of today. */
    public static Requests requests(List<Map<String, Object>> queue, LocalDate today) {
        int dueThisWeek = 0;
        int overdue = 0;
        int paused = 0;
        LocalDate weekEnd = today.plusDays(7);
        for (Map<String, Object> row : queue) {
            Object due = row.get("dueOn");
            if (Boolean.TRUE.equals(row.get("overdue"))) {
                overdue++;
            } else if (due == null) {
                // dsr-service gives no due date while the clock is stopped (identity or clarification awaited).
                paused++;
            } else {
                LocalDate dueOn = LocalDate.parse(due.toString());
                if (!dueOn.isBefore(today) && dueOn.isBefore(weekEnd)) {
                    dueThisWeek++;
                }
            }
        }
        return new Requests(queue.size(), dueThisWeek, overdue, paused);
    }

    /** Purge runs started on or after {@code since}: how many, and the erasures they requested. */
    @TemplateData
    public record Purges(int runs, int erasuresRequested) {
    }

    public static Purges purges(List<Map<String, Object>> runs, Instant since) {
        int count = 0;
        int erasures = 0;
        for (Map<String, Object> run : runs) {
            Object startedAt = run.get("startedAt");
            if (startedAt != null && !Instant.parse(startedAt.toString()).isBefore(since)) {
                count++;
                erasures += run.get("erasuresRequested") instanceof Number n ? n.intValue() : 0;
            }
        }
        return new Purges(count, erasures);
    }

    /**
     * Erasure requests answered (completed, fully or partly) among cases received on or after {@code since}.
     * dsr-service's queue rows carry the day a case was received, not the day it closed, so this counts by receipt.
     */
    public static int erasuresAnswered(List<Map<String, Object>> cases, LocalDate since) {
        int count = 0;
        for (Map<String, Object> c : cases) {
            Object received = c.get("receivedOn");
            if ("ERASURE".equals(c.get("type")) && ANSWERED.contains(String.valueOf(c.get("status")))
                    && received != null && !LocalDate.parse(received.toString()).isBefore(since)) {
                count++;
            }
        }
        return count;
    }

    /** Art. 19 notices not closed yet: how many, and how many of them past their recipient's response time. */
    @TemplateData
    public record Notices(int outstanding, int overdue) {
    }

    public static Notices notices(List<Map<String, Object>> notices) {
        int outstanding = 0;
        int overdue = 0;
        for (Map<String, Object> notice : notices) {
            if (!NOTICE_CLOSED.contains(String.valueOf(notice.get("status")))) {
                outstanding++;
                if (Boolean.TRUE.equals(notice.get("overdue"))) {
                    overdue++;
                }
            }
        }
        return new Notices(outstanding, overdue);
    }

    /** A bar of the dashboard's chart: its label, its figure, and its width as a percentage of the largest. */
    @TemplateData
    public record Bar(String label, int value, int widthPercent) {
    }

    /** Bars for these figures, the largest full width; all zero gives zero widths. */
    public static List<Bar> bars(Map<String, Integer> figures) {
        int max = figures.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return figures.entrySet().stream()
                .map(e -> new Bar(e.getKey(), e.getValue(),
                        max == 0 ? 0 : (int) Math.round(100.0 * e.getValue() / max)))
                .toList();
    }
}
