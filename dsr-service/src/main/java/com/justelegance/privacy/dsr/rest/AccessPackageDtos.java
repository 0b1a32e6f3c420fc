package com.justelegance.privacy.dsr.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
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
        /** Complete and kept for the privacy officer to review; no link until it is released. */
        AWAITING_RELEASE,
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

        static LinkState linkState(AccessPackageRecord record, Instant now) {
            if (record.purgedAt() != null) {
                return LinkState.PURGED;
            }
            if (!record.linkIssued()) {
                return record.awaitingRelease(now) ? LinkState.AWAITING_RELEASE : LinkState.NOT_ISSUED;
            }
            if (record.expired(now)) {
                return LinkState.EXPIRED;
            }
            return record.usedUp() ? LinkState.USED_UP : LinkState.ACTIVE;
        }
    }

    /**
     * A package as the privacy officer reviews it before release.
     *
     * @param document              the package exactly as the requester would download it (JSON)
     * @param withheldFromRequester what the sources marked as withheld and the package leaves out: listed here for
     *                              the officer only, never in {@code document}
     */
    public record AccessPackagePreview(UUID caseId, String caseReference, UUID packageId, Instant preparedAt,
                                       String preparedBy, boolean complete, List<String> missingSources,
                                       LinkState link, JsonNode document, List<WithheldItem> withheldFromRequester) {

        static AccessPackagePreview of(AccessPackages.Preview preview, JsonNode document) {
            AccessPackages.PackageStatus status = preview.status();
            AccessPackageRecord record = status.record();
            return new AccessPackagePreview(status.caseId(), status.caseReference(), record.packageId(),
                    record.preparedAt(), record.preparedBy(), record.complete(),
                    status.sources().stream().filter(s -> s.outcome() == GatheredData.Outcome.MISSING)
                            .map(AccessPackages.SourceOutcome::source).toList(),
                    AccessPackageView.linkState(record, status.now()), document, status.withheld());
        }
    }
}
