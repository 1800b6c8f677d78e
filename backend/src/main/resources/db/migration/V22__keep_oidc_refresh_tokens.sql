-- Company sign-in (issue 16): the OpenID Connect provider's refresh token of a Guichet session, so
-- that each refresh of our tokens asks the provider again (new groups give a new role; a refusal
-- ends the session). Server-side only, never sent to a browser. Stored as is: it must be sent back
-- to the provider, so it cannot be hashed, and Guichet has no encryption key yet (see
-- docs/architecture.md, "Company sign-in"). It travels from the callback to the exchange on the
-- single-use sso_exchanges row, then lives on the session's live refresh token only: moved to the
-- next one at rotation, cleared when a token is revoked.
ALTER TABLE sso_exchanges ADD COLUMN provider_refresh_token text;
ALTER TABLE refresh_tokens ADD COLUMN provider_refresh_token text;
