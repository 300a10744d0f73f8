-- A page's related_patterns (seed 004: "design patterns used") are the component patterns its current mockup shows:
-- kept from now on whenever the current mockup changes, and filled here for pages that have one already.
UPDATE pages p
SET related_patterns = coalesce(m.extracted_patterns -> 'components_detected', '[]'::jsonb)
FROM mockups m
WHERE m.id = p.current_mockup_id;
