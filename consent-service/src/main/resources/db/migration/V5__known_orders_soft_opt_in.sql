-- Orders the storefront reported (OrderPlaced), by subject: the order id only, never what was in it. PECR's soft
-- opt-in rests on a sale, so a soft opt-in takes effect only for an order of the same subject. Linked to the
-- subject, so deleted on erasure; forgotten after consent.soft-opt-in.order-memory.
CREATE TABLE known_order (
    subject_id  VARCHAR(64)  NOT NULL,
    order_id    VARCHAR(64)  NOT NULL,
    learnt_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (subject_id, order_id)
);
CREATE INDEX known_order_order ON known_order (order_id);
CREATE INDEX known_order_learnt ON known_order (learnt_at);

-- Every soft opt-in decision and whether it took effect: CONFIRMED (its order was known), PENDING (waiting for the
-- order until lapses_at) or LAPSED (the order never came in time). Deleted with the decision on erasure.
CREATE TABLE soft_opt_in (
    decision_id  UUID         PRIMARY KEY REFERENCES consent_decision (id),
    subject_id   VARCHAR(64)  NOT NULL,
    order_id     VARCHAR(64)  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    lapses_at    TIMESTAMPTZ,
    resolved_at  TIMESTAMPTZ
);
CREATE INDEX soft_opt_in_waiting ON soft_opt_in (subject_id, order_id) WHERE status = 'PENDING';
CREATE INDEX soft_opt_in_lapsing ON soft_opt_in (lapses_at) WHERE status = 'PENDING';
