package com.justelegance.privacy.events;

import java.util.List;
import java.util.stream.Stream;

/**
 * The topic catalogue. Every record is keyed by subject id, so one person's events stay in order on one partition.
 * {@code infra/kafka/topics.txt} lists the same topics for the scripts that create them.
 */
public final class Topics {

    /** OrderPlaced, CustomerContacted, AccountOpened, AccountClosed from the storefront. */
    public static final String STOREFRONT_ACTIVITY = "storefront.activity.v1";
    /** ConsentChanged from consent-service. */
    public static final String CONSENT = "privacy.consent.v1";
    /** ErasureRequested from dsr-service and retention-service. */
    public static final String ERASURE_REQUESTS = "privacy.erasure-requests.v1";
    /** ErasureCompleted from every service that held data. */
    public static final String ERASURE_RECEIPTS = "privacy.erasure-receipts.v1";
    /** RectificationRequested from dsr-service. */
    public static final String RECTIFICATION_REQUESTS = "privacy.rectification-requests.v1";
    /**
     * SubjectRequestOpened and SubjectRequestClosed (which subjects have an open request), ProcessingRestricted and
     * ProcessingRestrictionLifted (whose data may only be stored), all from dsr-service.
     */
    public static final String SUBJECT_REQUESTS = "privacy.subject-requests.v1";

    /**
     * Every service's audit chain head (entry count and hash), keyed by service name, kept for ever: what shows that
     * a chain lost its newest entries. Written by service-kit, never consumed as events, so it has no dead-letter
     * topic.
     */
    public static final String AUDIT_ANCHORS = "privacy.audit-anchors.v1";

    /** The main topics, without their dead-letter topics. */
    public static final List<String> MAIN = List.of(
            STOREFRONT_ACTIVITY, CONSENT, ERASURE_REQUESTS, ERASURE_RECEIPTS, RECTIFICATION_REQUESTS,
            SUBJECT_REQUESTS);

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /** The dead-letter topic of a main topic: where its undecodable or failing records go. */
    public static String deadLetterTopic(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every topic the system needs, main and dead-letter, then the audit anchors, in a stable order. */
    public static List<String> all() {
        return Stream.concat(
                MAIN.stream().flatMap(topic -> Stream.of(topic, deadLetterTopic(topic))),
                Stream.of(AUDIT_ANCHORS)).toList();
    }
}
