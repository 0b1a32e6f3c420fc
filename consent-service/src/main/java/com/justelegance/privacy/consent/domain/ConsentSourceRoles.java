package com.justelegance.privacy.consent.domain;

import com.justelegance.privacy.events.codes.ConsentSource;
import com.justelegance.privacy.kit.security.Roles;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which roles may claim which source for a decision. The source is part of the proof of how a decision was made, so
 * a caller may only claim what its role stands for: the storefront what the person did on the site, customer
 * service what it took down for them, the privacy officer and dsr-service (carrying out an objection or a withdrawal)
 * what came in as a data-subject request, the privacy centre what a signed-in shopper chose there. Nobody claims
 * {@code UNSUBSCRIBE_LINK}: the service records it itself when a signed link is redeemed.
 */
public final class ConsentSourceRoles {

    private static final Map<ConsentSource, Set<String>> MAY_CLAIM = new EnumMap<>(Map.of(
            ConsentSource.CHECKOUT, Set.of(Roles.STOREFRONT),
            ConsentSource.REGISTRATION, Set.of(Roles.STOREFRONT),
            ConsentSource.ACCOUNT_SETTINGS, Set.of(Roles.STOREFRONT),
            ConsentSource.COOKIE_BANNER, Set.of(Roles.STOREFRONT),
            ConsentSource.CUSTOMER_SERVICE, Set.of(Roles.CUSTOMER_SERVICE),
            ConsentSource.DATA_SUBJECT_REQUEST, Set.of(Roles.PRIVACY_OFFICER, Roles.DSR_SERVICE),
            ConsentSource.PRIVACY_CENTRE, Set.of(Roles.PRIVACY_CENTRE),
            ConsentSource.UNSUBSCRIBE_LINK, Set.of()));

    private ConsentSourceRoles() {
    }

    /** Whether a caller holding roles (as {@code hasRole} answers) may record a decision from this source. */
    public static boolean mayClaim(ConsentSource source, Predicate<String> hasRole) {
        // A source added to the enum later is claimable by nobody until it is given roles here.
        return MAY_CLAIM.getOrDefault(source, Set.of()).stream().anyMatch(hasRole);
    }
}
