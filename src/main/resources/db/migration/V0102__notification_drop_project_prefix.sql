-- The notifications list and the API name each notification's project themselves, so messages no longer begin with
-- "<project name>: " (some kinds wrote it, others not). Rows written before lose that prefix too, so old and new read alike.
UPDATE notifications n
SET payload = jsonb_set(n.payload, '{message}', to_jsonb(substr(n.payload ->> 'message', length(p.name) + 3)))
FROM projects p
WHERE p.id = n.project_id
  AND left(n.payload ->> 'message', length(p.name) + 2) = p.name || ': '
  AND length(n.payload ->> 'message') > length(p.name) + 2;
