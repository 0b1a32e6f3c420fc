package com.justelegance.privacy.dsr.domain;

import com.justelegance.privacy.dsr.service.BankHolidayCalendars;
import com.justelegance.privacy.kit.problem.DsrProblem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every rule of the response clock, and every event it refuses, with the shipped England and Wales holidays. */
class ResponseClockTest {

    private static final BankHolidayCalendar ENGLAND_AND_WALES =
            new BankHolidayCalendar(Nation.ENGLAND_AND_WALES, BankHolidayCalendars.shipped(Nation.ENGLAND_AND_WALES));

    /** Received Monday 2 March 2026: due Thursday 2 April. */
    private static final ResponseClock MARCH = ResponseClock.received(day("2026-03-02"), ENGLAND_AND_WALES);

    @Nested
    class OneMonth {

        @Test
        void aNewClockRunsOneMonthFromReceipt() {
            assertThat(MARCH.startedOn(), equalTo(day("2026-03-02")));
            assertThat(MARCH.dueOn(), equalTo(Optional.of(day("2026-04-02"))));
            assertThat(MARCH.nation(), equalTo(Nation.ENGLAND_AND_WALES));
            assertThat(MARCH.paused(), is(false));
            assertThat(MARCH.extended(), is(false));
        }

        @Test
        void theIcoExamplesHold() {
            assertThat(due(ResponseClock.received(day("2026-03-30"), ENGLAND_AND_WALES)), equalTo(day("2026-04-30")));
            assertThat(due(ResponseClock.received(day("2026-09-03"), ENGLAND_AND_WALES)), equalTo(day("2026-10-05")));
            assertThat(due(ResponseClock.received(day("2026-01-31"), ENGLAND_AND_WALES)), equalTo(day("2026-03-02")));
        }

        @Test
        void daysLeftCountDownToZeroOnTheDueDateThenGoNegative() {
            assertThat(MARCH.daysLeft(day("2026-03-02")), equalTo(31L));
            assertThat(MARCH.daysLeft(day("2026-04-02")), equalTo(0L));
            assertThat(MARCH.overdue(day("2026-04-02")), is(false));
            assertThat(MARCH.daysLeft(day("2026-04-03")), equalTo(-1L));
            assertThat(MARCH.overdue(day("2026-04-03")), is(true));
        }
    }

    @Nested
    class ProofOfIdentity {

        @Test
        void theMonthStartsAfreshOnTheDayItArrives() {
            ResponseClock clock = ResponseClock.received(day("2026-09-03"), ENGLAND_AND_WALES)
                    .identityReceived(day("2026-09-10"));
            assertThat(clock.receivedOn(), equalTo(day("2026-09-03")));
            assertThat(clock.startedOn(), equalTo(day("2026-09-10")));
            // 10 October 2026 is a Saturday.
            assertThat(due(clock), equalTo(day("2026-10-12")));
        }

        @Test
        void itMayArriveAfterTheFirstDueDateSinceTheMonthWasWaitingForIt() {
            assertThat(due(MARCH.identityReceived(day("2026-04-20"))), equalTo(day("2026-05-20")));
        }

        @Test
        void aClarificationStillAwaitedKeepsTheNewMonthStopped() {
            ResponseClock clock = MARCH.clarificationRequested(day("2026-03-04"))
                    .identityReceived(day("2026-03-09"));
            assertThat(clock.paused(), is(true));
            assertThat(clock.pausedSince(), equalTo(Optional.of(day("2026-03-09"))));
            // The whole new month (9 March to 9 April, 31 days) is left for after the answer.
            assertThat(clock.daysLeft(day("2026-03-20")), equalTo(31L));
            assertThat(due(clock.clarificationReceived(day("2026-03-16"))), equalTo(day("2026-04-16")));
        }

        @Test
        void earlierPausesNoLongerCountOnceTheMonthRestarts() {
            ResponseClock clock = MARCH.clarificationRequested(day("2026-03-04"))
                    .clarificationReceived(day("2026-03-14"))
                    .identityReceived(day("2026-03-16"));
            assertThat(due(clock), equalTo(day("2026-04-16")));
        }

        @Test
        void isRefusedAfterAnExtension() {
            ResponseClock extended = MARCH.extended(day("2026-03-10"), "Complex request");
            refused(() -> extended.identityReceived(day("2026-03-12")), DsrProblem.IDENTITY_RESTART_NOT_ALLOWED,
                    "already extended");
        }

        @Test
        void isRefusedWhenDatedBeforeAnEarlierEvent() {
            refused(() -> MARCH.identityReceived(day("2026-03-01")), DsrProblem.IDENTITY_RESTART_NOT_ALLOWED,
                    "before an earlier event");
        }
    }

    @Nested
    class Clarification {

        @Test
        void theClockStopsWithNoDueDateAndKeepsTheDaysLeft() {
            ResponseClock paused = MARCH.clarificationRequested(day("2026-03-10"));
            assertThat(paused.paused(), is(true));
            assertThat(paused.dueOn(), equalTo(Optional.empty()));
            // 10 March to 2 April: 23 days, whatever day it is now, and never overdue while stopped.
            assertThat(paused.daysLeft(day("2026-03-10")), equalTo(23L));
            assertThat(paused.daysLeft(day("2026-06-01")), equalTo(23L));
            assertThat(paused.overdue(day("2026-06-01")), is(false));
        }

        @Test
        void theAnswerDateGetsTheDaysThatWereLeftMovedToAWorkingDay() {
            // 20 March + 23 days = Sunday 12 April -> Monday 13 April.
            ResponseClock resumed = MARCH.clarificationRequested(day("2026-03-10"))
                    .clarificationReceived(day("2026-03-20"));
            assertThat(resumed.paused(), is(false));
            assertThat(due(resumed), equalTo(day("2026-04-13")));
        }

        @Test
        void anAnswerTheSameDayChangesNothing() {
            assertThat(due(MARCH.clarificationRequested(day("2026-03-10")).clarificationReceived(day("2026-03-10"))),
                    equalTo(day("2026-04-02")));
        }

        @Test
        void theWeekendADueDateWasMovedOffIsNotCarriedForward() {
            // Received 3 Sep 2026: calendar end Saturday 3 October, due Monday 5th. Stopped on Thursday 1 October,
            // 2 days were left to the calendar end (not 4 to Monday); answered Tuesday 6th -> due Thursday 8th.
            ResponseClock paused = ResponseClock.received(day("2026-09-03"), ENGLAND_AND_WALES)
                    .clarificationRequested(day("2026-10-01"));
            assertThat(paused.daysLeft(day("2026-10-01")), equalTo(2L));
            assertThat(due(paused.clarificationReceived(day("2026-10-06"))), equalTo(day("2026-10-08")));
        }

        @Test
        void stoppedInTheWeekendAfterTheCalendarEndLeavesNoDays() {
            ResponseClock paused = ResponseClock.received(day("2026-09-03"), ENGLAND_AND_WALES)
                    .clarificationRequested(day("2026-10-04"));
            assertThat(paused.daysLeft(day("2026-10-04")), equalTo(0L));
            assertThat(due(paused.clarificationReceived(day("2026-10-07"))), equalTo(day("2026-10-07")));
        }

        @Test
        void pausesAddUp() {
            ResponseClock clock = MARCH.clarificationRequested(day("2026-03-10"))
                    .clarificationReceived(day("2026-03-20"))   // 10 days: calendar end 12 April
                    .clarificationRequested(day("2026-04-01"))
                    .clarificationReceived(day("2026-04-06"));  // 5 more: Friday 17 April
            assertThat(due(clock), equalTo(day("2026-04-17")));
        }

        @Test
        void mayBeAskedForOnTheDueDateButNotAfter() {
            assertThat(MARCH.clarificationRequested(day("2026-04-02")).paused(), is(true));
            refused(() -> MARCH.clarificationRequested(day("2026-04-03")), DsrProblem.CLARIFICATION_NOT_ALLOWED,
                    "due date has passed");
        }

        @Test
        void isRefusedWhileOneIsAlreadyAwaited() {
            ResponseClock paused = MARCH.clarificationRequested(day("2026-03-10"));
            refused(() -> paused.clarificationRequested(day("2026-03-11")), DsrProblem.CLARIFICATION_NOT_ALLOWED,
                    "already awaited");
        }

        @Test
        void anAnswerIsRefusedWhenNoneIsAwaited() {
            refused(() -> MARCH.clarificationReceived(day("2026-03-11")), DsrProblem.CLARIFICATION_NOT_ALLOWED,
                    "No clarification is awaited");
        }

        @Test
        void isRefusedWhenDatedBeforeAnEarlierEvent() {
            refused(() -> MARCH.clarificationRequested(day("2026-03-01")), DsrProblem.CLARIFICATION_NOT_ALLOWED,
                    "before an earlier event");
            ResponseClock paused = MARCH.clarificationRequested(day("2026-03-10"));
            refused(() -> paused.clarificationReceived(day("2026-03-09")), DsrProblem.CLARIFICATION_NOT_ALLOWED,
                    "before an earlier event");
        }
    }

    @Nested
    class Extension {

        @Test
        void runsThreeMonthsFromTheStart() {
            ResponseClock extended = MARCH.extended(day("2026-03-10"), "Complex request");
            assertThat(extended.extended(), is(true));
            assertThat(extended.extension().orElseThrow().decidedOn(), equalTo(day("2026-03-10")));
            assertThat(extended.extension().orElseThrow().reason(), equalTo("Complex request"));
            assertThat(due(extended), equalTo(day("2026-06-02")));
        }

        @Test
        void countsThreeMonthsFromTheStartNotTwoFromTheOneMonthDate() {
            // 31 January -> 30 April (a Thursday), not 28 February + 2 months = 28 April.
            ResponseClock clock = ResponseClock.received(day("2026-01-31"), ENGLAND_AND_WALES)
                    .extended(day("2026-02-02"), "Numerous requests");
            assertThat(due(clock), equalTo(day("2026-04-30")));
        }

        @Test
        void movesToAWorkingDay() {
            // 25 September + 3 months = Christmas Day 2026 (Friday); Monday 28th is Boxing Day's substitute.
            ResponseClock clock = ResponseClock.received(day("2026-09-25"), ENGLAND_AND_WALES)
                    .extended(day("2026-10-01"), "Complex request");
            assertThat(due(clock), equalTo(day("2026-12-29")));
        }

        @Test
        void countsFromTheArrivalOfProofOfIdentity() {
            // Identity on 30 November 2027 -> 29 February 2028, a leap day and a Tuesday.
            ResponseClock clock = ResponseClock.received(day("2027-11-20"), ENGLAND_AND_WALES)
                    .identityReceived(day("2027-11-30"))
                    .extended(day("2027-12-01"), "Complex request");
            assertThat(due(clock), equalTo(day("2028-02-29")));
        }

        @Test
        void pausedTimeStillDoesNotCount() {
            // 10 days paused before the extension: 2 June + 10 = Friday 12 June.
            ResponseClock before = MARCH.clarificationRequested(day("2026-03-10"))
                    .clarificationReceived(day("2026-03-20"))
                    .extended(day("2026-03-25"), "Complex request");
            assertThat(due(before), equalTo(day("2026-06-12")));
            // The same 10 days paused after it.
            ResponseClock after = MARCH.extended(day("2026-03-05"), "Complex request")
                    .clarificationRequested(day("2026-03-10"))
                    .clarificationReceived(day("2026-03-20"));
            assertThat(due(after), equalTo(day("2026-06-12")));
            // Decided while the clock is stopped: the answer date gets the extended days left.
            ResponseClock during = MARCH.clarificationRequested(day("2026-03-10"))
                    .extended(day("2026-03-15"), "Complex request")
                    .clarificationReceived(day("2026-03-20"));
            assertThat(due(during), equalTo(day("2026-06-12")));
        }

        @Test
        void mayBeDecidedOnTheDueDateButNotAfter() {
            assertThat(MARCH.extended(day("2026-04-02"), "Complex request").extended(), is(true));
            refused(() -> MARCH.extended(day("2026-04-03"), "Complex request"), DsrProblem.EXTENSION_NOT_ALLOWED,
                    "due date has passed");
        }

        @Test
        void theFirstMonthForTellingTheRequesterIsStoppedByAClarificationToo() {
            // Due 2 April, moved to 13 April by the pause: a decision on 10 April is still within the first month.
            ResponseClock clock = MARCH.clarificationRequested(day("2026-03-10"))
                    .clarificationReceived(day("2026-03-20"));
            assertThat(clock.extended(day("2026-04-10"), "Complex request").extended(), is(true));
        }

        @Test
        void isRefusedWithoutAReason() {
            refused(() -> MARCH.extended(day("2026-03-10"), null), DsrProblem.EXTENSION_NOT_ALLOWED, "reason");
            refused(() -> MARCH.extended(day("2026-03-10"), "  "), DsrProblem.EXTENSION_NOT_ALLOWED, "reason");
        }

        @Test
        void isRefusedASecondTimeSoItNeverGoesBeyondThreeMonths() {
            ResponseClock extended = MARCH.extended(day("2026-03-10"), "Complex request");
            refused(() -> extended.extended(day("2026-03-11"), "Still complex"), DsrProblem.EXTENSION_NOT_ALLOWED,
                    "already extended once");
        }

        @Test
        void isRefusedWhenDatedBeforeAnEarlierEvent() {
            ResponseClock paused = MARCH.clarificationRequested(day("2026-03-10"));
            refused(() -> paused.extended(day("2026-03-09"), "Complex request"), DsrProblem.EXTENSION_NOT_ALLOWED,
                    "before an earlier event");
        }
    }

    @Test
    void eventsReturnANewClockAndLeaveTheOldOneAsItWas() {
        ResponseClock paused = MARCH.clarificationRequested(day("2026-03-10"));
        ResponseClock extended = MARCH.extended(day("2026-03-10"), "Complex request");
        assertThat(paused.paused(), is(true));
        assertThat(extended.extended(), is(true));
        assertThat(MARCH.paused(), is(false));
        assertThat(MARCH.extended(), is(false));
        assertThat(due(MARCH), equalTo(day("2026-04-02")));
    }

    private static void refused(Executable event, DsrProblem problem, String why) {
        ResponseClock.EventRefusedException refused = assertThrows(ResponseClock.EventRefusedException.class, event);
        assertThat(refused.type(), equalTo(problem));
        assertThat(refused.detail(), containsString(why));
    }

    private static LocalDate due(ResponseClock clock) {
        return clock.dueOn().orElseThrow();
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
