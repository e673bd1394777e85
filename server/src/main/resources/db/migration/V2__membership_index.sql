-- Membership entries of one conversation, for rebuilding what a former member saw when they left.
CREATE INDEX log_membership ON log (conversation_id, pos) WHERE kind IN (4, 5, 6, 7, 8);
