package com.justelegance.privacy.disclosure.repository;

import com.justelegance.privacy.disclosure.domain.Recipient;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The recipient registry. */
@ApplicationScoped
public class RecipientRepository implements PanacheRepositoryBase<Recipient, String> {

    public List<Recipient> allByCode() {
        return listAll(io.quarkus.panache.common.Sort.by("code"));
    }
}
