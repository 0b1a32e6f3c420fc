package com.justelegance.privacy.kit.audit;

/**
 * The result of checking the audit chain against itself and against its anchors.
 *
 * @param intact             whether every entry matched its hash and its predecessor, and every anchor its entry
 * @param entriesChecked     how many entries were verified before the end or the first break
 * @param firstBrokenEntryId the first entry that does not match, or null when intact or when entries are missing
 *                           at the end
 * @param anchorsChecked     how many anchors of this chain were compared with it
 * @param finding            what is wrong, or null when intact
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenEntryId, long anchorsChecked,
                                Finding finding) {

    /** What verification found wrong. */
    public enum Finding {
        /** An entry's content or link to its predecessor does not match its hash: altered or removed in between. */
        ENTRY_ALTERED,
        /** An anchored entry has a different hash now: the history up to it was rewritten. */
        ANCHOR_MISMATCH,
        /** The chain holds fewer entries than an anchor recorded: the newest entries were removed. */
        TRUNCATED
    }

    static ChainVerification intact(long entriesChecked, long anchorsChecked) {
        return new ChainVerification(true, entriesChecked, null, anchorsChecked, null);
    }

    static ChainVerification broken(long entriesChecked, Long entryId, long anchorsChecked, Finding finding) {
        return new ChainVerification(false, entriesChecked, entryId, anchorsChecked, finding);
    }
}
