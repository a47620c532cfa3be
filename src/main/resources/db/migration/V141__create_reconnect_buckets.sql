-- Bucket4j's token buckets for the attempts on owners' reconnect links: one row per link (keyed by a
-- hash, never the link's token) and one per client address. Rows whose bucket is full again expire.
create table reconnect_bucket (
    id          varchar(100) primary key,
    state       bytea,
    expires_at  bigint
);
create index reconnect_bucket_expires_idx on reconnect_bucket (expires_at);
