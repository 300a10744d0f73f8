-- One open invitation per project and email address (in any capitals): inviting an address again refreshes its
-- invitation (a new link, role and expiry; the old link stops working) instead of adding another link that also joins
-- the project. Of the duplicates made before, all but the newest are withdrawn. The new index also serves the list of
-- a project's open invitations, which had an index of its own; the foreign key to the project gets a whole index (the
-- partial one left deleting a project reading every accepted or withdrawn invitation).
UPDATE project_invitations SET revoked_at = now()
WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY project_id, lower(email) ORDER BY created_at DESC, id) AS n
                             FROM project_invitations WHERE accepted_at IS NULL AND revoked_at IS NULL) d
             WHERE d.n > 1);
CREATE UNIQUE INDEX project_invitations_one_open_idx ON project_invitations (project_id, lower(email))
    WHERE accepted_at IS NULL AND revoked_at IS NULL;
DROP INDEX project_invitations_open_idx;
CREATE INDEX project_invitations_project_idx ON project_invitations (project_id);
