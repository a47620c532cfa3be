-- Personal API tokens of the read-only status API: each belongs to one person and works for one agency
-- they are a member of. Only the token's SHA-256 hash is stored; the plaintext is shown once.
create table api_token (
    id            bigint generated always as identity primary key,
    user_id       bigint       not null references app_user (id) on delete cascade,
    agency_id     bigint       not null references agency (id) on delete cascade,
    name          varchar(100) not null,
    token_hash    bytea        not null,
    created_at    timestamptz  not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    constraint api_token_hash_unique unique (token_hash),
    constraint api_token_hash_is_sha256 check (octet_length(token_hash) = 32)
);
-- a person's live tokens have distinct names, so a double-clicked "Create" makes one token
create unique index api_token_live_name_unique on api_token (user_id, name) where revoked_at is null;
create index api_token_user_idx on api_token (user_id, created_at desc);
