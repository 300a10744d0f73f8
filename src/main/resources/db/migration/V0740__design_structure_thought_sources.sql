-- What a thought came from, as data instead of text worded two ways ("pages Lesson list" for colour tokens,
-- "pages /lessons" for entities): one kind, the ids of those things (no foreign key: a source may be deleted while
-- the thought stays) and their names when recorded, shown for a source deleted since.
ALTER TABLE ai_thinking_chain
    ADD COLUMN source_kind  varchar(20) CHECK (source_kind IN ('page', 'mockup', 'feature', 'journey')),
    ADD COLUMN source_ids   uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN source_names text[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT ai_thinking_chain_source_shape CHECK (
        cardinality(source_ids) = cardinality(source_names)
        AND (source_kind IS NULL) = (cardinality(source_ids) = 0));

-- Backfill what the old text names unambiguously; a row whose text names something not found (deleted, renamed,
-- a name shared by two pages) keeps its text in source_description.

-- "the journey Sign in" (a decision's missing branch)
UPDATE ai_thinking_chain t
SET source_kind = 'journey', source_ids = ARRAY[j.id], source_names = ARRAY[j.name], source_description = NULL
FROM journey_flows j
WHERE t.source_description LIKE 'the journey %'
  AND j.project_id = t.project_id AND j.name = substr(t.source_description, length('the journey ') + 1)
  AND (SELECT count(*) FROM journey_flows o WHERE o.project_id = t.project_id AND o.name = j.name) = 1;

-- "business rule: ..." (a feature's data operation; the subject is operation:<feature id>.<op>.<Entity>)
UPDATE ai_thinking_chain t
SET source_kind = 'feature', source_ids = ARRAY[f.id], source_names = ARRAY[f.name], source_description = NULL
FROM features f
WHERE t.source_description LIKE 'business rule: %' AND t.subject_key LIKE 'operation:%'
  AND f.project_id = t.project_id AND f.id::text = substr(t.subject_key, length('operation:') + 1, 36);

-- "the mockup of /contacts" (an observation): the page's current mockup, the one the last inference read
UPDATE ai_thinking_chain t
SET source_kind = 'mockup', source_ids = ARRAY[m.id], source_names = ARRAY[p.name || ' v' || m.version], source_description = NULL
FROM pages p JOIN mockups m ON m.id = p.current_mockup_id
WHERE t.source_description LIKE 'the mockup of %'
  AND p.project_id = t.project_id AND p.path = substr(t.source_description, length('the mockup of ') + 1);

-- "pages /a, /b" (entities, fields, relationships, questions, operations) or "pages Home, Lessons" (colour tokens):
-- every part must name exactly one page of the project, by path when it starts with a slash, else by name.
WITH parts AS (
    SELECT t.id, t.project_id, u.part, u.ord
    FROM ai_thinking_chain t
    CROSS JOIN LATERAL unnest(string_to_array(substr(t.source_description, length('pages ') + 1), ', ')) WITH ORDINALITY AS u (part, ord)
    WHERE t.source_description LIKE 'pages %'
), matched AS (
    SELECT parts.id, parts.ord, m.n, m.page_id, m.name
    FROM parts
    CROSS JOIN LATERAL (
        SELECT count(*) AS n, (array_agg(p.id))[1] AS page_id, (array_agg(p.name))[1] AS name
        FROM pages p
        WHERE p.project_id = parts.project_id
          AND CASE WHEN parts.part LIKE '/%' THEN p.path = parts.part ELSE p.name = parts.part END
    ) m
), complete AS (
    SELECT id, array_agg(page_id ORDER BY ord) AS ids, array_agg(name ORDER BY ord) AS names
    FROM matched
    GROUP BY id
    HAVING bool_and(n = 1) AND count(DISTINCT page_id) = count(*)
)
UPDATE ai_thinking_chain t
SET source_kind = 'page', source_ids = c.ids, source_names = c.names, source_description = NULL
FROM complete c
WHERE t.id = c.id;
