-- The team runs itself: installation admins, last sign-in, invitations, emailed link tokens and the
-- outbox of the emails that carry them, and the shared sign-in throttle buckets.

alter table app_user add column installation_admin boolean not null default false;
alter table app_user add column last_sign_in_at timestamptz;
-- until now the only way to create a person was the bootstrap admin (or the demo's first user):
-- the first person of an existing installation becomes its installation admin
update app_user set installation_admin = true where id = (select min(id) from app_user);

-- An invitation to join an agency with a role. The link's token lives in link_token (hashed).
create table invitation (
    id           bigint generated always as identity primary key,
    agency_id    bigint       not null references agency (id) on delete cascade,
    email        varchar(320) not null,
    role         varchar(16)  not null check (role in ('ADMIN', 'MANAGER', 'VIEWER')),
    invited_by   varchar(320) not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    accepted_at  timestamptz,
    revoked_at   timestamptz,
    constraint invitation_email_lower check (email = lower(email))
);
-- one pending invitation per address and agency: inviting again replaces it
create unique index invitation_pending_unique on invitation (agency_id, email)
    where accepted_at is null and revoked_at is null;

-- Tokens of emailed links: only their SHA-256 hash is stored. A subject (an invitation, a person
-- resetting their password) may have several tokens, from resent emails; using one uses them all.
create table link_token (
    id          bigint generated always as identity primary key,
    purpose     varchar(32) not null,
    subject_id  bigint      not null,
    token_hash  bytea       not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null,
    constraint link_token_hash_unique unique (token_hash),
    constraint link_token_hash_is_sha256 check (octet_length(token_hash) = 32)
);
create index link_token_subject_idx on link_token (purpose, subject_id);

-- The outbox of emails that carry a link. The row holds no token: the sender issues the link's
-- token when it sends the email, so the database never holds a token that could be read back.
create table link_notice (
    id               bigint generated always as identity primary key,
    purpose          varchar(32)  not null,
    subject_id       bigint       not null,
    recipient        varchar(320) not null,
    agency_name      varchar(200),
    role             varchar(16),
    actor            varchar(320),
    link_expires_at  timestamptz  not null,
    dedupe_key       varchar(300) not null,
    status           varchar(16)  not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED', 'DEAD')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    claimed_until    timestamptz,
    message_id       varchar(255),
    last_error       varchar(500),
    created_at       timestamptz  not null,
    sent_at          timestamptz,
    constraint link_notice_dedupe_key_unique unique (dedupe_key)
);
create index link_notice_due_idx on link_notice (next_attempt_at, id) where status in ('PENDING', 'FAILED');
create index link_notice_subject_idx on link_notice (purpose, subject_id);

-- Bucket4j's buckets of failed sign-ins, per account and per client address, shared by every
-- instance (its PostgreSQL SELECT ... FOR UPDATE proxy manager; expires_at in epoch milliseconds).
create table sign_in_bucket (
    id          varchar(100) primary key,
    state       bytea,
    expires_at  bigint
);
create index sign_in_bucket_expires_idx on sign_in_bucket (expires_at);
