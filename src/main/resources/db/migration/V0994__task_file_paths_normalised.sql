-- Claims compare assigned files as stored: ./f.txt, /f.txt, f.txt/ and f.txt were four files, and four tasks on one file
-- could be held at once. Specs now store each path once in one form (no empty or . segments); the tasks saved before
-- get the same form here, and lose entries left empty and repeated ones (first place kept).
UPDATE implementation_tasks t SET assigned_files = n.files
FROM (SELECT x.id,
             coalesce((SELECT jsonb_agg(d.p ORDER BY d.first)
                       FROM (SELECT q.p, min(q.i) AS first
                             FROM (SELECT array_to_string(ARRAY(SELECT u.s FROM unnest(string_to_array(btrim(e.f), '/')) WITH ORDINALITY AS u (s, k)
                                                                WHERE u.s NOT IN ('', '.') ORDER BY u.k), '/') AS p, e.i
                                   FROM jsonb_array_elements_text(x.assigned_files) WITH ORDINALITY AS e (f, i)) q
                             WHERE q.p <> '' GROUP BY q.p) d), '[]'::jsonb) AS files
      FROM implementation_tasks x WHERE x.assigned_files <> '[]'::jsonb) n
WHERE t.id = n.id AND t.assigned_files <> n.files;
