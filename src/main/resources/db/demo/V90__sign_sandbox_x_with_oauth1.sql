-- The sandbox (demo only) imitates X's OAuth 1.0a (the sandbox half of the main location's V90, moved here
-- with the demo's schema; the console's half is the main location's V180). Its refresh tokens and their single use go; an X
-- access token keeps its token secret sealed with a key derived from the token's own value, so the
-- table alone reveals neither.
delete from sandbox_token where kind <> 'ACCESS';
alter table sandbox_token drop constraint sandbox_token_kind_check;
alter table sandbox_token add constraint sandbox_token_kind_check check (kind = 'ACCESS');
alter table sandbox_token drop column used_at;
alter table sandbox_token add column secret_sealed bytea;

-- X's request tokens: issued for a callback, authorized by a user (with a verifier) or denied, and
-- exchanged once for an access token. Values are SHA-256 hashes; the secret is sealed like the tokens'.
create table sandbox_request_token (
    token_hash     char(64)      primary key,
    secret_sealed  bytea         not null,
    callback       varchar(2000) not null,
    issued_at      timestamptz   not null,
    expires_at     timestamptz   not null,
    user_id        bigint        references sandbox_user (id) on delete cascade,
    verifier_hash  char(64),
    decided_at     timestamptz,
    used_at        timestamptz
);
create index sandbox_request_token_issued_idx on sandbox_request_token (issued_at);
