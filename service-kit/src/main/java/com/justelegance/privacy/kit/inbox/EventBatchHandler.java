package com.justelegance.privacy.kit.inbox;

import com.justelegance.privacy.events.EventEnvelope;

import java.util.List;

/**
 * A consumer's business logic: applies events that were not applied before, in the order they arrived, inside
 * the transaction that also records them as processed. Throwing rolls the whole batch back.
 */
@FunctionalInterface
public interface EventBatchHandler {

    void handle(List<EventEnvelope<?>> events);
}
