-- Seed 003 notifications, with the project they concern (nullable: some are not project-scoped).
CREATE TABLE notifications (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    project_id uuid REFERENCES projects (id) ON DELETE CASCADE,
    type       varchar(50)  NOT NULL CHECK (type ~ '^[a-z][a-z_.]{1,49}$'),
    payload    jsonb        NOT NULL DEFAULT '{}',
    read_at    timestamptz,
    created_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_read_at_idx ON notifications (read_at);
CREATE INDEX notifications_project_idx ON notifications (project_id);
