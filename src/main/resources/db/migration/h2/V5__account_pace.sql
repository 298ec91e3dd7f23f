-- The account's pace as the runs sharing this database keep to it: each request books the next
-- slot under the row's lock (NEXT_SLOT moves on by the booking run's interval), and a 429's
-- Retry-After holds every run until HELD_UNTIL. Times are microseconds since the epoch by the
-- booking host's clock. ACCOUNT is the digest FLUX_ACCOUNT_QUOTA uses.
CREATE TABLE FLUX_ACCOUNT_PACE (
	ACCOUNT CHAR(64) NOT NULL PRIMARY KEY,
	NEXT_SLOT BIGINT NOT NULL,
	HELD_UNTIL BIGINT NOT NULL
);
