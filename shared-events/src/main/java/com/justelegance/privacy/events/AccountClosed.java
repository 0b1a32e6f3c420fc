package com.justelegance.privacy.events;

import com.justelegance.privacy.events.codes.AccountClosureReason;

/**
 * The customer's account was closed; account data's retention period starts now.
 *
 * @param accountId the storefront's opaque account id
 * @param reason    why it was closed
 */
public record AccountClosed(String accountId, AccountClosureReason reason) implements EventPayload {

    public AccountClosed {
        EventFieldRules.opaqueId(accountId, "accountId");
        EventFieldRules.required(reason, "reason");
    }
}
