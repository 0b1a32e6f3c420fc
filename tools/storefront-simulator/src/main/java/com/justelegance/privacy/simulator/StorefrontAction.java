package com.justelegance.privacy.simulator;

import com.justelegance.privacy.events.EventEnvelope;

/** One thing the simulated storefront does: publish an event, or submit a customer's consent choices. */
public sealed interface StorefrontAction {

    String subjectId();

    /** An event for Kafka, keyed by its subject. */
    record Publish(EventEnvelope<?> event) implements StorefrontAction {

        @Override
        public String subjectId() {
            return event.subjectId();
        }
    }

    /** Choices submitted to consent-service, as the checkout or the cookie banner would. */
    record DecideConsent(String subjectId, String purpose, String state, String source, String method)
            implements StorefrontAction {

        /** The request body consent-service expects. */
        public String requestBody(String policyVersion) {
            return """
                    {"choices": [{"purpose": "%s", "state": "%s"}], "policyVersion": "%s", "source": "%s", \
                    "method": "%s"}""".formatted(purpose, state, policyVersion, source, method);
        }
    }
}
