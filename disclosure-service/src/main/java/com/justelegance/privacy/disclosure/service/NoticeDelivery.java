package com.justelegance.privacy.disclosure.service;

import com.justelegance.privacy.disclosure.config.DisclosureConfig;
import com.justelegance.privacy.disclosure.domain.NoticeStatus;
import com.justelegance.privacy.disclosure.domain.Recipient;
import com.justelegance.privacy.disclosure.domain.RecipientNotice;
import com.justelegance.privacy.disclosure.domain.RetrySchedule;
import com.justelegance.privacy.disclosure.repository.NoticeRepository;
import com.justelegance.privacy.disclosure.repository.RecipientRepository;
import com.justelegance.privacy.disclosure.service.RecipientApiClient.Accepted;
import com.justelegance.privacy.disclosure.service.RecipientApiClient.NoticeMessage;
import com.justelegance.privacy.disclosure.service.RecipientApiClient.Outcome;
import com.justelegance.privacy.disclosure.service.RecipientApiClient.Refused;
import com.justelegance.privacy.disclosure.service.RecipientApiClient.Unreachable;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The scheduled job that posts notices to recipients' APIs. Each round claims the notices that are due (so other
 * instances leave them alone), posts each outside any transaction, then records the outcome: accepted means
 * acknowledged; a refusal, or failures past the last retry, make the notice a task for a person.
 */
@ApplicationScoped
public class NoticeDelivery {

    private final NoticeRepository notices;
    private final RecipientRepository recipients;
    private final RecipientApiClient client;
    private final DisclosureConfig.Notices config;
    private final RetrySchedule retries;
    private final String controllerName;
    private final Clock clock;

    public NoticeDelivery(NoticeRepository notices, RecipientRepository recipients, RecipientApiClient client,
                          DisclosureConfig config, Clock clock) {
        this.notices = notices;
        this.recipients = recipients;
        this.client = client;
        this.config = config.notices();
        this.retries = new RetrySchedule(this.config.initialRetryDelay(), this.config.maxRetryDelay(),
                this.config.maxAttempts());
        this.controllerName = config.controllerName();
        this.clock = clock;
    }

    @Scheduled(identity = "notice-delivery", every = "${disclosure.notices.delivery-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() {
        List<UUID> claimed;
        do {
            Instant now = clock.instant();
            claimed = QuarkusTransaction.requiringNew().call(() ->
                    notices.claimDue(now, now.plus(config.deliveryLease()), config.deliveryBatchSize()));
            claimed.forEach(this::deliver);
        } while (claimed.size() == config.deliveryBatchSize());
    }

    private void deliver(UUID noticeId) {
        Optional<Attempt> attempt = QuarkusTransaction.requiringNew().call(() -> prepare(noticeId));
        attempt.ifPresent(a -> {
            Outcome outcome = client.post(a.endpoint(), a.message());
            QuarkusTransaction.requiringNew().run(() -> record(noticeId, outcome));
        });
    }

    private Optional<Attempt> prepare(UUID noticeId) {
        // Locked, so a person's outcome recorded meanwhile waits for this change and then finds it (409).
        RecipientNotice notice = notices.findById(noticeId, LockModeType.PESSIMISTIC_WRITE);
        if (notice == null || notice.status() != NoticeStatus.DELIVERING) {
            return Optional.empty();
        }
        Recipient recipient = recipients.findById(notice.recipientCode());
        if (!recipient.noticeChannel().deliveredByService()) {
            notice.handToPerson("The recipient's notice channel is now " + recipient.noticeChannel());
            return Optional.empty();
        }
        return Optional.of(new Attempt(recipient.noticeAddress(), new NoticeMessage(notice.id(), notice.kind(),
                notice.requestId(), controllerName, recipient.code(), notice.recipientReferences(),
                notice.dataCategories(), notice.createdAt(), notice.dueAt())));
    }

    private void record(UUID noticeId, Outcome outcome) {
        RecipientNotice notice = notices.findById(noticeId, LockModeType.PESSIMISTIC_WRITE);
        if (notice.status() != NoticeStatus.DELIVERING) {
            return; // a person recorded an outcome while the post was under way
        }
        Instant now = clock.instant();
        switch (outcome) {
            case Accepted accepted -> {
                notice.acknowledgedByRecipientApi(now);
                Log.infof("Notice %s acknowledged by %s's API (HTTP %d)", noticeId, notice.recipientCode(),
                        accepted.status());
            }
            case Refused refused -> {
                notice.deliveryFailed("The recipient's API refused the notice (" + refused.reason()
                        + "); a person must send it", null);
                Log.warnf("Notice %s refused by %s's API (%s); now a task for a person", noticeId,
                        notice.recipientCode(), refused.reason());
            }
            case Unreachable unreachable -> {
                Instant retryAt = retries.nextAttempt(notice.attempts() + 1, now).orElse(null);
                notice.deliveryFailed(retryAt == null
                        ? "Gave up after " + (notice.attempts() + 1) + " attempts (" + unreachable.reason()
                                + "); a person must send it"
                        : "Attempt " + (notice.attempts() + 1) + " failed: " + unreachable.reason(), retryAt);
                Log.warnf("Notice %s to %s not delivered (%s); %s", noticeId, notice.recipientCode(),
                        unreachable.reason(), retryAt == null ? "now a task for a person" : "will retry");
            }
        }
    }

    private record Attempt(String endpoint, NoticeMessage message) {
    }
}
