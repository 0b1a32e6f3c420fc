package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.consent.domain.ConsentDecision;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The append-only history of consent decisions. */
@ApplicationScoped
public class ConsentDecisionRepository implements PanacheRepositoryBase<ConsentDecision, UUID> {
}
