package com.justelegance.privacy.console.staff;

import com.justelegance.privacy.console.security.StaffRole;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The person signed in, for templates ({@code {inject:staff.name}}): their name, role, and what the console offers
 * them. The offers only spare people buttons that would fail; the services decide.
 */
@Named("staff")
@RequestScoped
public class StaffMember {

    private final SecurityIdentity identity;

    public StaffMember(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String getName() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public String getRole() {
        return StaffRole.ALL.stream().filter(identity::hasRole).findFirst().orElse("");
    }

    /** The privacy officer: every administrative action. */
    public boolean isOfficer() {
        return identity.hasRole(StaffRole.PRIVACY_OFFICER);
    }

    /** Customer service or the privacy officer: open cases, verify, clarify, assign. */
    public boolean isCaseWorker() {
        return identity.hasRole(StaffRole.CUSTOMER_SERVICE) || isOfficer();
    }

    /** The privacy officer or an auditor: records and logs. */
    public boolean isReviewer() {
        return identity.hasRole(StaffRole.AUDITOR) || isOfficer();
    }
}
