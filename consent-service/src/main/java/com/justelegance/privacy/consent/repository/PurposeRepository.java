package com.justelegance.privacy.consent.repository;

import com.justelegance.privacy.consent.domain.Purpose;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The purpose catalogue. */
@ApplicationScoped
public class PurposeRepository implements PanacheRepositoryBase<Purpose, String> {

    public List<Purpose> listByCode() {
        return list("order by code");
    }

    /** The purposes Global Privacy Control opts out of. */
    public List<Purpose> saleOrSharing() {
        return list("saleOrSharing = true order by code");
    }
}
