-- An administrator disables the account of someone who left: it cannot log in, and its logins and tokens were ended.
ALTER TABLE accounts ADD COLUMN disabled_at timestamptz;
