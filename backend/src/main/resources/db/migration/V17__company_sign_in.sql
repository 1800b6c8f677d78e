-- Company sign-in (issue 16): accounts from an OpenID Connect provider or an LDAP directory,
-- TOTP second factor for local accounts, and the short-lived rows the login flows need.

-- Where an account signs in: LOCAL (password in Guichet), OIDC (provider's subject) or LDAP (entry DN).
-- External accounts keep an unusable random password hash, so local login never works for them.
ALTER TABLE users ADD COLUMN auth_source varchar(8) NOT NULL DEFAULT 'LOCAL'
    CHECK (auth_source IN ('LOCAL', 'OIDC', 'LDAP'));
ALTER TABLE users ADD COLUMN external_id varchar(1024)
    CHECK ((auth_source = 'LOCAL') = (external_id IS NULL));
CREATE UNIQUE INDEX users_external_id_key ON users (auth_source, external_id) WHERE external_id IS NOT NULL;

-- TOTP (RFC 6238): base32 secret (pending until confirmed), and the last time step accepted, so the
-- same code cannot be used twice.
ALTER TABLE users ADD COLUMN totp_secret varchar(128);
ALTER TABLE users ADD COLUMN totp_enabled boolean NOT NULL DEFAULT false CHECK (NOT totp_enabled OR totp_secret IS NOT NULL);
ALTER TABLE users ADD COLUMN totp_last_step bigint;

-- One-time recovery codes: only their SHA-256 is kept.
CREATE TABLE totp_recovery_codes (
    id         bigserial PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  char(64)    NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX totp_recovery_codes_user_idx ON totp_recovery_codes (user_id) WHERE used_at IS NULL;

-- The second step of a login: a password was right, a TOTP code (or an enrolment) is still due.
CREATE TABLE login_challenges (
    token_hash char(64) PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    varchar(16) NOT NULL CHECK (purpose IN ('TOTP', 'TOTP_ENROL')),
    expires_at timestamptz NOT NULL
);

-- An OpenID Connect login under way: state (hashed), the browser it started in, nonce and PKCE verifier.
CREATE TABLE oidc_logins (
    state_hash    char(64) PRIMARY KEY,
    browser_hash  char(64)      NOT NULL,
    nonce         varchar(128)  NOT NULL,
    code_verifier varchar(128)  NOT NULL,
    redirect      varchar(2000),
    expires_at    timestamptz   NOT NULL
);

-- A finished single sign-on waiting for the SPA to fetch its token pair (single use, seconds).
CREATE TABLE sso_exchanges (
    code_hash  char(64) PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL
);

-- Security settings an administrator changes in the SPA (one row; missing row = defaults).
CREATE TABLE security_settings (
    id                        smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    two_factor_required_roles varchar(16)[] NOT NULL DEFAULT '{}',
    updated_at                timestamptz   NOT NULL DEFAULT now()
);

-- Jobs that must run once per period whatever the number of replicas: the first to insert wins.
CREATE TABLE job_runs (
    job        varchar(64) NOT NULL,
    period     varchar(32) NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job, period)
);
