-- Who is running a catalog (its output folder) now: the command holding the lease refreshes its
-- heartbeat; another command over the same output refuses while it is fresh, and takes the run
-- over once it has expired (or, on the same host, once the holder's process is gone).
CREATE TABLE FLUX_LEASE (
	CATALOG VARCHAR(1000) NOT NULL PRIMARY KEY,
	OWNER VARCHAR(64) NOT NULL,
	HOST VARCHAR(255) NOT NULL,
	PID BIGINT NOT NULL,
	-- When the holder's process started, so a process id used again is not taken for it.
	PROCESS_STARTED TIMESTAMP(3),
	HEARTBEAT TIMESTAMP(3) NOT NULL
);
