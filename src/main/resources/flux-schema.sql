-- The job's own table: one line per input data row, carried through its states by the steps.
CREATE TABLE IF NOT EXISTS FLUX_ROW (
	JOB_INSTANCE_ID BIGINT NOT NULL,
	ROW_NO INT NOT NULL,
	LINE_NO BIGINT NOT NULL,
	CELLS CLOB NOT NULL,
	ROW_KEY VARCHAR(1000) NOT NULL,
	FILE_NAME VARCHAR(200),
	FILE_KEY VARCHAR(200),
	STATUS VARCHAR(12) NOT NULL,
	REASON VARCHAR(2000),
	MODEL VARCHAR(64),
	RESOLUTION VARCHAR(4),
	ASPECT_RATIO VARCHAR(8),
	PROMPT CLOB,
	INPUT_URLS CLOB,
	-- Sized for what the API may send; the client refuses longer (WireFormat).
	TASK_ID VARCHAR(1000),
	SUBMIT_ATTEMPTS INT DEFAULT 0 NOT NULL,
	-- POSTs whose answer was lost: each may have created a task this run never saw.
	LOST_ANSWERS INT DEFAULT 0 NOT NULL,
	SUBMITTED_AT TIMESTAMP(3),
	NEXT_POLL_AT TIMESTAMP(3),
	POLLS INT DEFAULT 0 NOT NULL,
	GENERATED_AT TIMESTAMP(3),
	FAILED_GENERATIONS INT DEFAULT 0 NOT NULL,
	CREDITS BIGINT,
	OUTPUT_URL VARCHAR(16384),
	WIDTH INT,
	HEIGHT INT,
	FILE_PATH VARCHAR(400),
	BYTES BIGINT,
	SHA256 CHAR(64),
	ERROR VARCHAR(2000),
	PRIMARY KEY (JOB_INSTANCE_ID, ROW_NO)
);
CREATE INDEX IF NOT EXISTS FLUX_ROW_BY_STATUS ON FLUX_ROW (JOB_INSTANCE_ID, STATUS, ROW_NO);
-- Keys must name distinct files, also on file systems that ignore case.
CREATE INDEX IF NOT EXISTS FLUX_ROW_BY_FILE_KEY ON FLUX_ROW (JOB_INSTANCE_ID, FILE_KEY, ROW_NO);
CREATE INDEX IF NOT EXISTS FLUX_ROW_BY_POLL_TIME ON FLUX_ROW (JOB_INSTANCE_ID, STATUS, NEXT_POLL_AT, ROW_NO);

-- What a run needs besides its rows: the input's header, so results.csv can repeat it.
CREATE TABLE IF NOT EXISTS FLUX_RUN (
	JOB_INSTANCE_ID BIGINT NOT NULL PRIMARY KEY,
	HEADER CLOB NOT NULL
);

-- Incremental runs. FINGERPRINT is the SHA-256 of everything that determines a row's image
-- (Prompt.fingerprint); REGENERATE is the row's own "regenerate" cell; REUSED_FROM is the
-- library file a row's image was taken from instead of being generated (and paid) again.
-- Added with ALTER so that databases created before them keep working.
ALTER TABLE FLUX_ROW ADD COLUMN IF NOT EXISTS FINGERPRINT CHAR(64);
ALTER TABLE FLUX_ROW ADD COLUMN IF NOT EXISTS REGENERATE BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE FLUX_ROW ADD COLUMN IF NOT EXISTS REUSED_FROM VARCHAR(1000);
-- The input's data row a row comes from: ROW_NO itself, unless the input's rows ask for several
-- images each (each image is a row of its own then).
ALTER TABLE FLUX_ROW ADD COLUMN IF NOT EXISTS DATA_ROW INT;

-- Rows whose image is an earlier row's of the same run (same fingerprint): SAME_AS names that
-- row; they are never submitted, and get its image once it is downloaded.
ALTER TABLE FLUX_ROW ADD COLUMN IF NOT EXISTS SAME_AS INT;

-- What the run had spent when its last command ended: the next command's line in spend.csv
-- is what the run spent since.
ALTER TABLE FLUX_RUN ADD COLUMN IF NOT EXISTS SPENT CLOB;
