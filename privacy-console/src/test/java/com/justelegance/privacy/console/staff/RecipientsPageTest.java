package com.justelegance.privacy.console.staff;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The recipients page's period, open notices and the Art. 30 summary's CSV. */
class RecipientsPageTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    @Test
    void theSummaryCsvHasOneRowPerRecipientWithCellsSafeForASpreadsheet() {
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("code", "ACME");
        recipient.put("displayName", "Acme, \"Couriers\"");
        recipient.put("category", "COURIER");
        recipient.put("role", "PROCESSOR");
        recipient.put("purpose", "=HYPERLINK(1)");
        recipient.put("lawfulBasis", "CONTRACT");
        recipient.put("country", "GB");
        recipient.put("transferSafeguard", "NONE_NEEDED");
        recipient.put("registeredDataCategories", List.of("CONTACT", "ADDRESS"));
        recipient.put("disclosures", 12);
        recipient.put("anonymisedDisclosures", 2);
        recipient.put("disclosuresPerCategory", Map.of("CONTACT", 12));
        Map<String, Object> summary = Map.of("from", "2026-01", "to", "2026-06", "recipients", List.of(recipient));

        String[] lines = RecipientsPage.summaryCsv(summary).split("\n");

        assertEquals(2, lines.length);
        assertEquals("2026-01,2026-06,ACME,\"Acme, \"\"Couriers\"\"\",COURIER,PROCESSOR,\"'=HYPERLINK(1)\",CONTRACT,GB,"
                + "NONE_NEEDED,CONTACT ADDRESS,12,2,CONTACT=12", lines[1]);
    }

    @Test
    void aSummaryWithoutRecipientsIsTheHeaderAlone() {
        assertEquals(1, RecipientsPage.summaryCsv(Map.<String, Object>of("from", "2026-01", "to", "2026-01")).split("\n").length);
    }

    @Test
    void thePeriodDefaultsToTheLast30DaysAndNeverRunsBackwards() {
        assertEquals(new RecipientsPage.Period(LocalDate.of(2026, 5, 11), TODAY),
                RecipientsPage.Period.of(null, "", TODAY));
        assertEquals(new RecipientsPage.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
                RecipientsPage.Period.of("2026-01-01", "2026-03-31", TODAY));
        assertEquals(new RecipientsPage.Period(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31)),
                RecipientsPage.Period.of("2026-04-01", "2026-03-31", TODAY));
        assertEquals(new RecipientsPage.Period(LocalDate.of(2026, 5, 11), TODAY),
                RecipientsPage.Period.of("1 April", null, TODAY));
        assertEquals("2026-01", RecipientsPage.Period.of("2026-01-15", "2026-03-31", TODAY).fromMonth());
    }

    @Test
    void openNoticesAreThoseNotClosed() {
        List<Map<String, Object>> notices = List.of(Map.of("status", "TASK_OPEN"), Map.of("status", "SENT"),
                Map.of("status", "DELIVERING"), Map.of("status", "ACKNOWLEDGED"),
                Map.of("status", "DISPROPORTIONATE"));

        assertEquals(3, RecipientsPage.openNotices(notices).size());
    }
}
