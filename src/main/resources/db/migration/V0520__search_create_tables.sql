-- One search over a project (issue 11): the text of the files of each repository's latest manifest, kept
-- up to date at sync time (only blobs whose SHA changed are read again), and the full-text indexes the
-- search needs on tables of other features (stories and plans carry their own search columns).
CREATE TABLE file_texts (
    repository_id    uuid        NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    project_id       uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    path             text        NOT NULL,
    blob_sha         varchar(64) NOT NULL,
    -- NULL for binary or very large files: only their path is searchable.
    content          text,
    manifest_version integer     NOT NULL,
    search           tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', regexp_replace(regexp_replace(path, '([a-z0-9])([A-Z])', '\1 \2', 'g'), '[^[:alnum:]]+', ' ', 'g')), 'A')
            || setweight(to_tsvector('english', coalesce(content, '')), 'B')) STORED,
    PRIMARY KEY (repository_id, path)
);
CREATE INDEX file_texts_project_idx ON file_texts (project_id);
CREATE INDEX file_texts_search_idx ON file_texts USING gin (search);

-- The manifest version whose files are in file_texts, per repository.
CREATE TABLE file_text_indexes (
    repository_id    uuid PRIMARY KEY REFERENCES repositories (id) ON DELETE CASCADE,
    project_id       uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    manifest_version integer     NOT NULL,
    files            integer     NOT NULL,
    indexed_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX file_text_indexes_project_idx ON file_text_indexes (project_id);

-- Tasks are found by scope, description and assigned files; review threads by their comments.
CREATE INDEX implementation_tasks_search_idx ON implementation_tasks USING gin (to_tsvector('english',
    scope || ' ' || coalesce(scope_description, '') || ' ' || regexp_replace(assigned_files::text, '[^[:alnum:]]+', ' ', 'g')));
CREATE INDEX comments_search_idx ON comments USING gin (to_tsvector('english', body));
