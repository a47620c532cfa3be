-- X accounts are connected and signed with OAuth 1.0a from now on: the X Ads API accepts nothing else.
-- An X credential is an oauth_token and its oauth_token_secret, so a token's second ciphertext is no
-- longer a refresh token but the token secret.
alter table account_token rename column refresh_token_ciphertext to token_secret_ciphertext;
alter table account_token drop constraint account_token_invalidated_has_no_secret;
alter table account_token add constraint account_token_invalidated_has_no_secret
    check (status <> 'INVALIDATED' or (access_token_ciphertext is null and token_secret_ciphertext is null));

alter table revocation_request rename column refresh_token_ciphertext to token_secret_ciphertext;
alter table revocation_request drop constraint revocation_request_secret_erased;
alter table revocation_request add constraint revocation_request_secret_erased
    check (status = 'PENDING' or (access_token_ciphertext is null and token_secret_ciphertext is null));

-- The X tokens held so far are OAuth 2.0 tokens, which the X Ads API never accepted: they are removed,
-- and the accounts wait for a refresh through X's OAuth 1.0a consent. Each row's update reaches the
-- agencies' links through V80's token trigger, as any status change does.
update account_token t
set status = 'EXPIRED', status_reason = 'X_OAUTH1_REQUIRED',
    status_note = 'X now connects through OAuth 1.0a: refresh the account to reconnect it with X',
    status_changed_at = now(), status_changed_by = 'migration',
    access_token_ciphertext = null, token_secret_ciphertext = null, expires_at = null, scopes = null
from publisher_account a
where a.id = t.account_id and a.publisher = 'X' and t.status <> 'INVALIDATED';

-- Their pending revocations could only be sent to the OAuth 2.0 revoke endpoint, which is gone.
update revocation_request
set status = 'FAILED', completed_at = now(), access_token_ciphertext = null, token_secret_ciphertext = null,
    last_error = 'not sent: an X OAuth 2.0 token, which X no longer takes; X now connects through OAuth 1.0a'
where publisher = 'X' and status = 'PENDING';

-- The background renewal of X's two-hour OAuth 2.0 tokens is gone with them.
delete from scheduled_tasks where task_name = 'x-token-renewal';

-- The sandbox (demo only) imitates X's OAuth 1.0a too. Its refresh tokens and their single use go; an X
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
