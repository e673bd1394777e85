-- U4: a user's own status line, shown in the directory and on contact cards.
ALTER TABLE users ADD COLUMN signature TEXT NOT NULL DEFAULT '';
