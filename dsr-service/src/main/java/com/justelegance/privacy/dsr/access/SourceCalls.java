package com.justelegance.privacy.dsr.access;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;

/**
 * One call per remote API, each guarded by MicroProfile Fault Tolerance (as quarkus-super-heroes guards its REST
 * clients: the annotations on a bean around the client). The annotations sit on the class, so every call gets the
 * same policy, but each method keeps its own circuit breaker: one source that is down never stops the others.
 *
 * <ul>
 *     <li><b>Timeouts</b>: the REST client's own connect and read timeouts
 *     ({@code quarkus.rest-client.<source>.connect-timeout} and {@code .read-timeout}) end the HTTP exchange itself;
 *     {@code @Timeout} bounds one attempt as a whole a little beyond them.</li>
 *     <li><b>Retries</b>: two more attempts, shortly after, for what might pass (no answer, a timeout, a 5xx, 408 or
 *     429). Not for a 404 (the source holds nothing: an answer) or another 4xx (asking again would not help).</li>
 *     <li><b>Circuit breaker</b>: after six failed attempts in a row a source is not called for 30 s; the package is
 *     then incomplete at once instead of waiting for timeouts.</li>
 * </ul>
 * Each value can be tuned without a build, e.g. {@code quarkus.fault-tolerance."<this class>".retry.max-retries}.
 * Preparing a package is one staff action, not a hot path, so the defaults favour completeness. The calls that carry
 * out a right (objection, withdrawal) are safe to retry: consent-service records one decision per request id.
 */
@ApplicationScoped
@Timeout(value = 15, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 250, jitter = 100,
        abortOn = {SourceFailure.HoldsNothing.class, SourceFailure.Refused.class})
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 1.0, delay = 30, delayUnit = ChronoUnit.SECONDS,
        skipOn = {SourceFailure.HoldsNothing.class, SourceFailure.Refused.class})
public class SourceCalls {

    private final ConsentExportApi consent;
    private final RetentionTimelineApi retention;
    private final SubjectDisclosuresApi disclosure;
    private final StorefrontDataApi storefront;
    private final ConsentRightsApi consentRights;

    public SourceCalls(@RestClient ConsentExportApi consent, @RestClient RetentionTimelineApi retention,
                       @RestClient SubjectDisclosuresApi disclosure, @RestClient StorefrontDataApi storefront,
                       @RestClient ConsentRightsApi consentRights) {
        this.consent = consent;
        this.consentRights = consentRights;
        this.retention = retention;
        this.disclosure = disclosure;
        this.storefront = storefront;
    }

    public JsonNode consentExport(String subjectId) {
        return consent.export(subjectId);
    }

    public JsonNode retentionTimeline(String subjectId) {
        return retention.timeline(subjectId);
    }

    /** Withheld disclosures included: the package leaves them out and lists them for the privacy officer. */
    public JsonNode subjectDisclosures(String subjectId) {
        return disclosure.disclosures(subjectId, true);
    }

    public JsonNode storefrontData(String subjectId) {
        return storefront.data(subjectId);
    }

    /** The storefront customers with one identifier (exactly one of the three is given). */
    public JsonNode storefrontLookUp(String email, String phone, String customerNumber) {
        return storefront.lookUp(email, phone, customerNumber);
    }

    public ConsentRightsApi.ConsentChange marketingObjection(String subjectId,
                                                             ConsentRightsApi.ObjectionRequest request) {
        return consentRights.objectToMarketing(subjectId, request);
    }

    public ConsentRightsApi.ConsentChange consentWithdrawal(String subjectId,
                                                            ConsentRightsApi.WithdrawalRequest request) {
        return consentRights.withdrawConsent(subjectId, request);
    }
}
