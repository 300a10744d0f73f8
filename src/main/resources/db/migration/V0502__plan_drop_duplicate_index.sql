-- The same columns as the unique constraint's index plans_repository_name_version_key.
DROP INDEX IF EXISTS idx_plans_version;
