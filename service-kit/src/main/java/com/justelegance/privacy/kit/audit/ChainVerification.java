package com.justelegance.privacy.kit.audit;

/**
 * The result of checking the sealed audit chain against itself and against its anchors.
 *
 * @param intact             whether every link matched its entry and its predecessor, and every anchor its link
 * @param entriesChecked     how many sealed entries were verified before the end or the first break
 * @param firstBrokenEntryId the first entry that does not match, or null when intact or when entries are missing
 *                           at the end
 * @param anchorsChecked     how many anchors of this chain were compared with it
 * @param entriesNotSealed   entries written but not chained yet (their transaction, or an older one, was still
 *                           running when the sealer last ran): listed by the log, not covered by this check
 * @param finding            what is wrong, or null when intact
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenEntryId, long anchorsChecked,
                                long entriesNotSealed, Finding finding) {

    /** What verification found wrong. */
    public enum Finding {
        /** A sealed entry's content or link to its predecessor does not match its hash: altered or removed. */
        ENTRY_ALTERED,
        /** An anchored entry has a different hash now: the history up to it was rewritten. */
        ANCHOR_MISMATCH,
        /** The chain holds fewer entries than an anchor recorded: the newest entries were removed. */
        TRUNCATED
    }

    static ChainVerification intact(long entriesChecked, long anchorsChecked, long entriesNotSealed) {
        return new ChainVerification(true, entriesChecked, null, anchorsChecked, entriesNotSealed, null);
    }

    static ChainVerification broken(long entriesChecked, Long entryId, long anchorsChecked, long entriesNotSealed,
                                    Finding finding) {
        return new ChainVerification(false, entriesChecked, entryId, anchorsChecked, entriesNotSealed, finding);
    }
}
