-- Seed 003 `comment_threads` and `comments`: review threads anchored to lines of a file of a manifest version.
CREATE TABLE comment_threads (
    id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id                uuid        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    repository_id             uuid        NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    file_path                 text        NOT NULL,
    line_start                integer     NOT NULL CHECK (line_start > 0),
    line_end                  integer     NOT NULL,
    -- The manifest version the current anchor refers to, and the blob of the file in it.
    manifest_version          integer     NOT NULL,
    blob_sha                  varchar(64) NOT NULL,
    snippet                   text        NOT NULL DEFAULT '',
    state                     varchar(20) NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved', 'outdated')),
    original_file_path        text        NOT NULL,
    original_line_start       integer     NOT NULL,
    original_line_end         integer     NOT NULL,
    original_manifest_version integer     NOT NULL,
    created_by                uuid REFERENCES accounts (id) ON DELETE SET NULL,
    resolved_by               uuid REFERENCES accounts (id) ON DELETE SET NULL,
    resolved_at               timestamptz,
    version                   integer     NOT NULL DEFAULT 1,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now(),
    CHECK (line_end >= line_start)
);
CREATE INDEX idx_comment_threads_project_id ON comment_threads (project_id);
CREATE INDEX idx_comment_threads_repository_file ON comment_threads (repository_id, file_path);
CREATE INDEX idx_comment_threads_created_by ON comment_threads (created_by);
CREATE INDEX idx_comment_threads_resolved_by ON comment_threads (resolved_by);

CREATE TABLE comments (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    thread_id   uuid        NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
    author_id   uuid REFERENCES accounts (id) ON DELETE SET NULL,
    author_type varchar(10) NOT NULL DEFAULT 'USER' CHECK (author_type IN ('USER', 'AI')),
    body        text        NOT NULL CHECK (length(body) BETWEEN 1 AND 65536),
    edited      boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_comments_thread_id ON comments (thread_id, created_at);
CREATE INDEX idx_comments_author_id ON comments (author_id);
