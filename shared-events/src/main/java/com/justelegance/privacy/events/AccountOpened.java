package com.justelegance.privacy.events;

/**
 * The customer registered for My Account. Account data is kept for as long as the account exists.
 *
 * @param accountId the storefront's opaque account id
 */
public record AccountOpened(String accountId) implements EventPayload {

    public AccountOpened {
        EventFieldRules.opaqueId(accountId, "accountId");
    }
}
