package com.justelegance.privacy.kit.audit;

import java.time.Instant;

/**
 * The head of a service's audit chain at one moment, kept outside its database (topic
 * {@code privacy.audit-anchors.v1}) so that removing the newest entries cannot go unseen. Hashes and counts only.
 *
 * @param service    the chain's name, normally the service's
 * @param count      how many entries the chain held
 * @param headHash   the hash of the newest of them (64 zeros for an empty chain)
 * @param anchoredAt when the anchor was taken
 */
public record AuditAnchor(String service, long count, String headHash, Instant anchoredAt) {
}
