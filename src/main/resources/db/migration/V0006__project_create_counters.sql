-- Counters per project and name that move whenever something a kept rendering shows changes ("stories" for the story
-- list, say). Features move theirs with statement triggers, so every path and every app instance moves them; the
-- project policy reads all of a project's counters in the statement that resolves the caller's access, which makes
-- checking whether a kept rendering is still current free.
CREATE TABLE project_counters (
    project_id uuid   NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name       text   NOT NULL,
    value      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, name)
);

-- Moves a counter of each given project that still exists (a project being deleted takes its rows with it), in the
-- projects' order so that two transactions moving the same counters never wait on each other in a cycle.
CREATE FUNCTION project_counter_move(counter text, project_ids uuid[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO project_counters (project_id, name, value)
    SELECT p.id, counter, 1 FROM projects p WHERE p.id = ANY (project_ids) ORDER BY p.id
    ON CONFLICT (project_id, name) DO UPDATE SET value = project_counters.value + 1;
$$;
