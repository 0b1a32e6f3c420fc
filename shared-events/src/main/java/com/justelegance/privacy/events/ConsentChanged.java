package com.justelegance.privacy.events;

import com.justelegance.privacy.events.codes.Channel;
import com.justelegance.privacy.events.codes.ConsentMethod;
import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.events.codes.ConsentState;
import com.justelegance.privacy.events.codes.LawfulBasis;

import java.time.Instant;

/**
 * A subject's consent state for one purpose changed. Published by consent-service only when the state actually
 * changes; a repeated choice publishes nothing.
 *
 * @param decisionId    the consent-service decision that caused the change (its proof lives there)
 * @param purpose       the purpose code, see {@link com.justelegance.privacy.events.codes.Purpose}
 * @param channel       the channel the purpose uses
 * @param state         the new state
 * @param basis         the lawful basis the purpose relies on
 * @param policyVersion the privacy-policy version the decision was made under
 * @param source        where the decision was collected
 * @param method        how it was expressed
 * @param effectiveAt   when it took effect (server time)
 */
public record ConsentChanged(String decisionId, String purpose, Channel channel, ConsentState state,
                             LawfulBasis basis, String policyVersion, ConsentSource source, ConsentMethod method,
                             Instant effectiveAt) implements EventPayload {

    public ConsentChanged {
        EventFieldRules.opaqueId(decisionId, "decisionId");
        EventFieldRules.purposeCode(purpose, "purpose");
        EventFieldRules.required(channel, "channel");
        EventFieldRules.required(state, "state");
        EventFieldRules.required(basis, "basis");
        EventFieldRules.versionLabel(policyVersion, "policyVersion");
        EventFieldRules.required(source, "source");
        EventFieldRules.required(method, "method");
        EventFieldRules.required(effectiveAt, "effectiveAt");
    }

    /** Whether this state allows processing that needs consent. Anything but GRANTED means no. */
    public boolean allowsProcessing() {
        return state == ConsentState.GRANTED;
    }
}
