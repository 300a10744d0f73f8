-- Each is the leading part of a unique constraint's index, which serves the same lookups (and, read backwards, the
-- latest mockup versions first): pages_project_path_key (project_id, path), mockups_page_version_key (page_id, version),
-- flow_nodes_key (flow_id, node_key).
DROP INDEX IF EXISTS idx_pages_project_id;
DROP INDEX IF EXISTS idx_mockups_page_id;
DROP INDEX IF EXISTS idx_mockups_version;
DROP INDEX IF EXISTS idx_flow_nodes_flow_id;
