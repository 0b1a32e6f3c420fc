package com.justelegance.privacy.consent.service;

import com.justelegance.privacy.consent.config.ConsentConfig;
import com.justelegance.privacy.consent.domain.SoftOptInStatus;
import com.justelegance.privacy.consent.repository.SoftOptInRepository;
import com.justelegance.privacy.events.EventEnvelope;
import com.justelegance.privacy.events.OrderPlaced;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What the storefront's orders mean for PECR's soft opt-in. The service learns order ids (never their contents)
 * from OrderPlaced; a soft opt-in naming an order of the same person takes effect at once (see ConsentLedger), one
 * that arrives first waits for its order for {@code consent.soft-opt-in.order-wait}: when the order comes in time
 * the grant takes effect and ConsentChanged is published, otherwise it lapses and never grants anything.
 *
 * <p>Orders and decisions of one subject take the same subject lock (the kit's, which the inbox takes for a batch's
 * subjects), so a soft opt-in and its order arriving at the
 * same moment are seen one after the other; each waiting soft opt-in leaves PENDING through one conditional update.
 */
@ApplicationScoped
public class SoftOptIns {

    private final SoftOptInRepository repository;
    private final ConsentLedger ledger;
    private final Clock clock;
    private final ConsentConfig.SoftOptIn config;

    public SoftOptIns(SoftOptInRepository repository, ConsentLedger ledger, Clock clock, ConsentConfig config) {
        this.repository = repository;
        this.ledger = ledger;
        this.clock = clock;
        this.config = config.softOptIn();
    }

    /** Applies a batch from the storefront activity topic inside the consumer's transaction; only orders matter. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ordersPlaced(List<EventEnvelope<?>> events) {
        for (EventEnvelope<?> event : events) {
            switch (event.payload()) {
                case OrderPlaced order -> orderPlaced(event.subjectId(), order.orderId());
                default -> {
                    // Other storefront activity says nothing about soft opt-ins.
                }
            }
        }
    }

    private void orderPlaced(String subjectId, String orderId) {
        Instant now = clock.instant();
        repository.rememberOrder(subjectId, orderId, now);
        for (SoftOptInRepository.Waiting waiting : repository.waitingFor(subjectId, orderId)) {
            if (!now.isBefore(waiting.lapsesAt())) {
                repository.resolve(waiting.decisionId(), SoftOptInStatus.LAPSED, now);
            } else if (repository.resolve(waiting.decisionId(), SoftOptInStatus.CONFIRMED, now)) {
                List<String> changed = ledger.applySoftOptIn(waiting.decisionId(), now);
                Log.infof("Soft opt-in %s confirmed by its order; %d purposes changed", waiting.decisionId(),
                        changed.size());
            }
        }
    }

    /**
     * Lapses the soft opt-ins whose wait is over, and forgets order ids older than any soft opt-in could still name.
     * A late order would lapse its soft opt-in anyway; this makes the record say so without one.
     */
    @Scheduled(identity = "soft-opt-in-housekeeping", every = "${consent.soft-opt-in.housekeeping-every}",
            delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void lapseOverdue() {
        Instant now = clock.instant();
        int lapsed = QuarkusTransaction.requiringNew().call(() -> repository.lapseWaitingUntil(now));
        int forgotten = QuarkusTransaction.requiringNew().call(() ->
                repository.forgetOrdersLearntBefore(now.minus(config.orderMemory())));
        if (lapsed > 0 || forgotten > 0) {
            Log.infof("Soft opt-in housekeeping: %d lapsed, %d old order ids forgotten", lapsed, forgotten);
        }
    }
}
