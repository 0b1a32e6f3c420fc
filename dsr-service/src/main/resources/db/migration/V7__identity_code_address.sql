-- Where a case's one-time code went (the keyed hash of the address, as RequesterIdentifiers hashes e-mail
-- addresses): the address on file when the storefront knows the subject, else the one the requester gave. A reply
-- from that address is taken on the case, as one from the requester's own address is.
ALTER TABLE identity_code ADD COLUMN sent_to_hash text;
