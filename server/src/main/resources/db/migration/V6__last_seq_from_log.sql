-- A conversation's last seq is the highest seq of its log rows (index on log (conversation_id, seq)):
-- the log writer no longer updates the conversation row after every batch that appended to it.
ALTER TABLE conversations DROP COLUMN last_seq;
