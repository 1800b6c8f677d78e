-- Every access token carries the session version its account had when it was issued; the
-- security layer compares it with this column on each request. A password change, a
-- deactivation, a role change or "log out everywhere" adds one, which ends every earlier token.
ALTER TABLE users ADD COLUMN session_version integer NOT NULL DEFAULT 0;
