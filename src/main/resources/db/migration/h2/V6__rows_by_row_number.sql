-- The rows of a run in ROW_NO order, by a name a query can give H2 (RowPages): the primary key's
-- own index has a generated one. A reader of several statuses walks it from where its last page
-- ended instead of reading and sorting every row that remains.
CREATE INDEX FLUX_ROW_BY_ROW_NO ON FLUX_ROW (JOB_INSTANCE_ID, ROW_NO);
