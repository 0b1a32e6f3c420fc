package com.justelegance.privacy.kit.testapp;

import com.justelegance.privacy.events.codes.DataCategory;
import com.justelegance.privacy.kit.erasure.ErasureOrder;
import com.justelegance.privacy.kit.erasure.ErasureParticipant;
import com.justelegance.privacy.kit.erasure.ErasureResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test application's part in erasure: deletes the subject's tally row (counted as purchase history), and
 * remembers every order it was given, so a test can see what the kit asked of a participant.
 */
@ApplicationScoped
public class TallyErasure implements ErasureParticipant {

    private final EntityManager entityManager;
    private final List<ErasureOrder> orders = new CopyOnWriteArrayList<>();

    public TallyErasure(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public ErasureResult erase(ErasureOrder order) {
        orders.add(order);
        int rows = entityManager.createNativeQuery("DELETE FROM kit_test_tally WHERE subject_id = :s")
                .setParameter("s", order.subjectId())
                .executeUpdate();
        return ErasureResult.nothing().erased(DataCategory.PURCHASE_HISTORY, rows);
    }

    @Override
    public DataCategory recordCategory() {
        return DataCategory.PURCHASE_HISTORY;
    }

    /** The orders given for a subject, oldest first, including those of transactions rolled back. */
    public List<ErasureOrder> ordersFor(String subjectId) {
        return orders.stream().filter(order -> order.subjectId().equals(subjectId)).toList();
    }
}
