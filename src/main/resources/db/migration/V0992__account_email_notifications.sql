-- Whether each new notification is also mailed to the account's address (when the installation sends mail). Off until
-- the person turns it on: agents working a board can make many notifications an hour.
ALTER TABLE accounts ADD COLUMN email_notifications boolean NOT NULL DEFAULT false;
