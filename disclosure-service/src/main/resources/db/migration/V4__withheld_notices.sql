-- A notice to a recipient the subject may not learn about (every disclosure to it was withheld under DPA 2018
-- Sch. 2 para. 2) is withheld from the subject's view too: listing it would tell them what the ledger hides.
ALTER TABLE recipient_notice ADD COLUMN withheld_from_subject BOOLEAN NOT NULL DEFAULT FALSE;

-- Only the Art. 30 summary read entries by time alone, and it runs rarely; every order pays for an index on
-- every insert, so the benchmarked ingest path keeps only the indexes lookups need.
DROP INDEX disclosure_time;
