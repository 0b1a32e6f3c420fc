package com.justelegance.privacy.kit.outbox;

import com.justelegance.privacy.kit.outbox.SubjectOrderGuard.Row;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A relay never sends a subject's later event while an earlier one is unsent and not in its hands. */
class SubjectOrderGuardTest {

    @Test
    void sendsEverythingClaimedWhenNothingEarlierIsElsewhere() {
        List<Row> claimed = List.of(new Row(1, "a"), new Row(2, "b"), new Row(3, "a"));

        assertThat(SubjectOrderGuard.sendable(claimed, claimed), equalTo(Set.of(1L, 2L, 3L)));
    }

    @Test
    void holdsBackASubjectWhoseEarlierEventAnotherRelayHolds() {
        List<Row> claimed = List.of(new Row(5, "a"), new Row(6, "b"));
        List<Row> unsent = List.of(new Row(4, "a"), new Row(5, "a"), new Row(6, "b"));

        assertThat(SubjectOrderGuard.sendable(claimed, unsent), equalTo(Set.of(6L)));
    }

    @Test
    void stopsAtAGapInTheClaimSoTheMiddleEventCannotBeOvertaken() {
        // This relay holds 2 and 4 of subject a; another relay holds 3.
        List<Row> claimed = List.of(new Row(2, "a"), new Row(4, "a"), new Row(5, "b"));
        List<Row> unsent = List.of(new Row(2, "a"), new Row(3, "a"), new Row(4, "a"), new Row(5, "b"));

        assertThat(SubjectOrderGuard.sendable(claimed, unsent), equalTo(Set.of(2L, 5L)));
    }
}
