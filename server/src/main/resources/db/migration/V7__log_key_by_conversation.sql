-- The log's primary key becomes (conversation_id, pos), the index sync walks, instead of a second index on pos alone:
-- an appended row writes three index entries instead of four. pos stays unique because the single log writer assigns
-- it; the last position at start-up is found per conversation on this key.
ALTER TABLE log DROP CONSTRAINT log_pkey;
DROP INDEX log_conversation_pos;
ALTER TABLE log ADD CONSTRAINT log_pkey PRIMARY KEY (conversation_id, pos);
