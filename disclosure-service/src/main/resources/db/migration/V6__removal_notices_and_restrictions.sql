-- Removal notices: an audience upload whose consent was withdrawn, objected to or refused is told to its recipient
-- once. The ledger entry keeps the notice that told it, so a redelivered or second withdrawal tells no one twice,
-- even after the notice has closed and dropped its references.
ALTER TABLE disclosure ADD COLUMN removal_notice_id UUID REFERENCES recipient_notice (id);

-- Restrictions of processing (Art. 18) live in the kit's table processing_restriction (db/kit/V0_5), recorded by
-- kit.restriction.SubjectRestrictions.
