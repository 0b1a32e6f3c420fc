package com.justelegance.privacy.disclosure.repository;

import com.justelegance.privacy.disclosure.domain.Recipient;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The recipient registry. */
@ApplicationScoped
public class RecipientRepository implements PanacheRepositoryBase<Recipient, String> {

    public List<Recipient> allByCode() {
        return getEntityManager().createQuery(
                        "select distinct r from Recipient r left join fetch r.dataCategories order by r.code",
                        Recipient.class)
                .getResultList();
    }

    /** The registered recipients among {@code codes}, by code, in one query; unknown codes are simply absent. */
    public Map<String, Recipient> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery(
                        "select distinct r from Recipient r left join fetch r.dataCategories where r.code in :codes",
                        Recipient.class)
                .setParameter("codes", codes)
                .getResultList().stream()
                .collect(Collectors.toMap(Recipient::code, Function.identity(), (same, duplicate) -> same));
    }
}
