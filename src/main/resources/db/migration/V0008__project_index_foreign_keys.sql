-- Every foreign key leads an index: without one, deleting or re-keying the row it refers to reads the whole
-- referring table (deleting a project read every API token; an account, every invitation).
CREATE INDEX api_tokens_project_idx ON api_tokens (project_id);
CREATE INDEX project_invitations_invited_by_idx ON project_invitations (invited_by);
CREATE INDEX project_invitations_accepted_by_idx ON project_invitations (accepted_by) WHERE accepted_by IS NOT NULL;
