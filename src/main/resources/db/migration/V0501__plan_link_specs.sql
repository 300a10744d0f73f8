-- The spec made from a plan points back at it (plans.spec_id points forward): linked both ways.
ALTER TABLE technical_specs ADD COLUMN plan_id uuid REFERENCES plans (id) ON DELETE SET NULL;
CREATE INDEX technical_specs_plan_idx ON technical_specs (plan_id);
