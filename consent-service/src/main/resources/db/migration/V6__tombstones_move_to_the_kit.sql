-- Tombstones now live in the kit's subject_tombstone (db/kit/V0_3), the same in every service. The erased
-- subjects recorded here move there; this table did not record why a subject was erased, so reason stays null.
INSERT INTO subject_tombstone (subject_ref, request_id, reason, erased_at, erasures)
SELECT subject_ref, request_id, NULL, erased_at, 1 FROM erased_subject
ON CONFLICT (subject_ref) DO NOTHING;

DROP TABLE erased_subject;
