package com.justelegance.privacy.dsr.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.justelegance.privacy.dsr.access.GatheredData;
import com.justelegance.privacy.dsr.access.WithheldItem;
import com.justelegance.privacy.dsr.domain.AccessPackageRecord;
import com.justelegance.privacy.dsr.service.AccessPackages;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of access packages, as staff see them (the requester downloads the package itself). */
public final class AccessPackageDtos {

    private AccessPackageDtos() {
    }

    /** Where a link stands. */
    public enum LinkState {
        /** It works. */
        ACTIVE,
        /** No link was issued: the package is incomplete. */
        NOT_ISSUED,
        /** Its time ran out. */
        EXPIRED,
        /** It was used as many times as allowed. */
        USED_UP,
        /** The package was deleted. */
        PURGED
    }

    /**
     * A case's package.
     *
     * @param downloadUrl    the link for the requester: only in the answer that prepared the package (it is not
     *                       stored), and only when the package is complete
     * @param missingSources the sources that could not be read; the package is then not handed out
     * @param withheld       what was left out of it, for the privacy officer; others see only {@code withheldCount}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessPackageView(UUID caseId, String caseReference, UUID packageId, Instant preparedAt,
                                    String preparedBy, boolean complete, List<String> missingSources,
                                    List<AccessPackages.SourceOutcome> sources, int withheldCount,
                                    List<WithheldItem> withheld, LinkState link, Instant linkExpiresAt,
                                    int downloads, int maxDownloads, Instant lastDownloadedAt, Instant purgedAt,
                                    String downloadUrl) {

        static AccessPackageView of(AccessPackages.PackageStatus status, boolean showWithheld, String downloadUrl) {
            AccessPackageRecord record = status.record();
            return new AccessPackageView(status.caseId(), status.caseReference(), record.packageId(),
                    record.preparedAt(), record.preparedBy(), record.complete(),
                    status.sources().stream().filter(s -> s.outcome() == GatheredData.Outcome.MISSING)
                            .map(AccessPackages.SourceOutcome::source).toList(),
                    status.sources(), record.withheldCount(), showWithheld ? status.withheld() : null,
                    linkState(record, status.now()), record.expiresAt(), record.downloads(), record.maxDownloads(),
                    record.lastDownloadedAt(), record.purgedAt(), downloadUrl);
        }

        private static LinkState linkState(AccessPackageRecord record, Instant now) {
            if (record.purgedAt() != null) {
                return LinkState.PURGED;
            }
            if (!record.linkIssued()) {
                return LinkState.NOT_ISSUED;
            }
            if (record.expired(now)) {
                return LinkState.EXPIRED;
            }
            return record.usedUp() ? LinkState.USED_UP : LinkState.ACTIVE;
        }
    }
}
