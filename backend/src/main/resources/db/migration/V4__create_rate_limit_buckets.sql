-- Token buckets of the rate limits (login attempts per account and per client address, API budget
-- per user), shared by every replica. Layout required by Bucket4j's PostgreSQL proxy manager:
-- `state` is Bucket4j's serialized bucket, `expires_at` (epoch milliseconds) lets full buckets be purged.

CREATE TABLE rate_limit_buckets (
    id         varchar(255) PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_buckets_expires_idx ON rate_limit_buckets (expires_at);
