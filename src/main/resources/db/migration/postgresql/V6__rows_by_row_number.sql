-- H2's V6 names an index of the rows in ROW_NO order for its planner (RowPages); PostgreSQL walks
-- the primary key in that order on its own, so its schema only keeps the version in step.
COMMENT ON TABLE FLUX_ROW IS 'A run''s rows, one per data row of its input, through their states (RowStatus)';
