-- The data operations the assistant added to or took out of a feature in the background since a person last saved it,
-- each with the version it made: a person's edit begun before them keeps them instead of being refused as stale.
ALTER TABLE features ADD COLUMN assistant_changes jsonb NOT NULL DEFAULT '[]';
