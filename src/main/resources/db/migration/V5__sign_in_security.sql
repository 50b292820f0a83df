-- Sign-in security: set-up happens once (the row with id 1 is claimed by the first admin's
-- transaction), sessions end when their member's epoch moves, and sign-in failures are counted
-- per email, per address and per pair in one table every instance shares (rows expire).
CREATE TABLE first_run (
    id          INTEGER PRIMARY KEY,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE app_user ADD COLUMN session_epoch INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE app_user DROP COLUMN failed_logins;
ALTER TABLE app_user DROP COLUMN locked_until;

CREATE TABLE sign_in_failure (
    throttle_key  VARCHAR(100) PRIMARY KEY,
    failures      INTEGER NOT NULL,
    last_failure  TIMESTAMP WITH TIME ZONE NOT NULL,
    wait_until    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_sign_in_failure_last ON sign_in_failure (last_failure);
