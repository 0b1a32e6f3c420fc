package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.consent.domain.Purpose;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The purpose catalogue. */
@ApplicationScoped
public class PurposeRepository implements PanacheRepositoryBase<Purpose, String> {
}
