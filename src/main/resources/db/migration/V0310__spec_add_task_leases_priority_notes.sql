-- Agents at work: a claim holds a task for a lease (the project's lease length, 30 minutes by
-- default) that the claimer extends by heartbeats; a task whose lease ran out returns to pending.
-- Tasks carry a priority for claim-next, and a progress log of notes.
ALTER TABLE projects ADD COLUMN task_lease_minutes integer NOT NULL DEFAULT 30
    CHECK (task_lease_minutes BETWEEN 1 AND 1440);

ALTER TABLE implementation_tasks ADD COLUMN lease_expires_at timestamptz;
ALTER TABLE implementation_tasks ADD COLUMN priority varchar(10) NOT NULL DEFAULT 'normal'
    CHECK (priority IN ('urgent', 'high', 'normal', 'low'));
-- Held tasks get a lease when claimed; existing ones get a fresh one now.
UPDATE implementation_tasks SET lease_expires_at = now() + interval '30 minutes' WHERE status IN ('claimed', 'in_progress');
CREATE INDEX implementation_tasks_lease_idx ON implementation_tasks (lease_expires_at) WHERE status IN ('claimed', 'in_progress');

-- The agent's (or person's) progress log of a task, markdown, oldest first.
CREATE TABLE task_notes (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id    uuid        NOT NULL REFERENCES implementation_tasks (id) ON DELETE CASCADE,
    author_id  uuid        NOT NULL REFERENCES accounts (id),
    via        varchar(10) NOT NULL CHECK (via IN ('web', 'token', 'system')),
    body       text        NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_notes_task_idx ON task_notes (task_id, created_at);
CREATE INDEX task_notes_author_idx ON task_notes (author_id);
