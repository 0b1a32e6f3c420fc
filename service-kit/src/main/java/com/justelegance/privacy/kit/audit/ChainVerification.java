package com.justelegance.privacy.kit.audit;

/**
 * The result of checking the audit chain.
 *
 * @param intact            whether every entry matched its hash and its predecessor
 * @param entriesChecked    how many entries were verified before the end or the first break
 * @param firstBrokenEntryId the first entry that does not match, or null when intact
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenEntryId) {
}
