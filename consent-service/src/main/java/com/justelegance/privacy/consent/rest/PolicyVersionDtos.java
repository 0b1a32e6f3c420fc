package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.consent.domain.PolicyVersion;
import com.justelegance.privacy.events.EventFieldRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request and response bodies of the policy version API. */
public final class PolicyVersionDtos {

    private PolicyVersionDtos() {
    }

    /**
     * A version to register.
     *
     * @param wordingHash SHA-256 of the wording, lower-case hex ({@code sha256sum privacy-policy.txt})
     * @param significant whether the change matters enough that people must be shown it again
     */
    public record VersionRequest(@NotNull @Pattern(regexp = EventFieldRules.VERSION_LABEL_PATTERN) String version,
                                 @NotNull LocalDate effectiveFrom,
                                 @NotNull @Pattern(regexp = "^[0-9a-f]{64}$") String wordingHash,
                                 @NotNull Boolean significant,
                                 @NotBlank @Size(max = 500) @Pattern(regexp = "^https?://\\S+$") String url) {
    }

    /** A registered version. */
    public record VersionView(String version, LocalDate effectiveFrom, String wordingHash, boolean significant,
                              String url, Instant registeredAt) {

        static VersionView of(PolicyVersion v) {
            return v == null ? null : new VersionView(v.version(), v.effectiveFrom(), v.wordingHash(),
                    v.significant(), v.url(), v.registeredAt());
        }
    }

    /** A page of the report: subjects whose granted consents were given under an older version. */
    public record StaleConsentsView(VersionView latestSignificantVersion, List<SubjectStaleConsents> subjects,
                                    String nextAfter) {
    }

    /** One subject's consents that predate the latest significant version. */
    public record SubjectStaleConsents(String subjectId, List<StaleConsentView> consents) {
    }

    /** A granted consent and the version it was given under. */
    public record StaleConsentView(String purpose, String policyVersion, Instant since) {
    }
}
