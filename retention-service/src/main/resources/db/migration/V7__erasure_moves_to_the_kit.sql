-- Tombstones, requested erasures and their receipts now live in the kit's tables (db/kit/V0_3), the same in
-- every service. What this service recorded moves there; its own tables go.
INSERT INTO subject_tombstone (subject_ref, request_id, reason, erased_at, erasures)
SELECT subject_ref, request_id, reason, erased_at, erasures FROM erasure_tombstone
ON CONFLICT (subject_ref) DO NOTHING;

INSERT INTO requested_erasure (request_id, subject_ref, reason, group_id, requested_at, closed_at)
SELECT request_id, subject_ref, reason, run_id, requested_at, closed_at FROM erasure_request
ON CONFLICT (request_id) DO NOTHING;

INSERT INTO erasure_receipt_record (request_id, service, completed_at, erased, withheld, received_at)
SELECT request_id, service, completed_at, erased, withheld, received_at FROM erasure_receipt
ON CONFLICT (request_id, service) DO NOTHING;

DROP TABLE erasure_receipt;
DROP TABLE erasure_request;
DROP TABLE erasure_tombstone;
