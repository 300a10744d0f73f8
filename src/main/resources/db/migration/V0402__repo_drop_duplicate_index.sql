-- The same column as the unique constraint's index repositories_path_key: a second copy of it to keep on each write.
DROP INDEX IF EXISTS idx_repositories_path;
