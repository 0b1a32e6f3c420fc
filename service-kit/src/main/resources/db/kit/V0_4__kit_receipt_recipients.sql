-- The recipients a participant told of an erasure (Art. 19), as its receipt listed them (a JSON array of recipient
-- ids). Receipts recorded before the field existed told nobody the requester could learn of.
ALTER TABLE erasure_receipt_record ADD COLUMN recipients_notified TEXT NOT NULL DEFAULT '[]';
