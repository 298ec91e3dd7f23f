-- The account's daily request quota as the runs sharing this database know it: each request takes
-- one under the row's lock, each answer's X-RateLimit-Remaining lowers it, a new reset time starts
-- it again. ACCOUNT is a digest of the API key and the API's address, never the key.
CREATE TABLE FLUX_ACCOUNT_QUOTA (
	ACCOUNT CHAR(64) NOT NULL PRIMARY KEY,
	REMAINING BIGINT NOT NULL,
	RESETS_AT VARCHAR(64),
	UPDATED_AT TIMESTAMP(3) NOT NULL
);
