-- The slugs a project had before its current one: a link or bookmark made under an old slug still leads its members to
-- the project (a redirect), until another project takes that slug.
CREATE TABLE project_former_slugs (
    slug        varchar(255) PRIMARY KEY,
    project_id  uuid         NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    replaced_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX project_former_slugs_project_id_idx ON project_former_slugs (project_id);
