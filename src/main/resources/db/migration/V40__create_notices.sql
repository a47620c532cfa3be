-- The notice outbox: a notice is written in the same transaction as the state change it reports,
-- then a sender job turns due notices into one digest email per recipient. Notices hold the facts
-- their email needs (never a token) and outlive the account they talk about, so no foreign key.
create table notice (
    id               bigint generated always as identity primary key,
    kind             varchar(32)  not null check (kind in ('EXPIRED', 'EXPIRING_SOON', 'FUNDING_SOURCE_INVALID',
                                                          'UNREACHABLE', 'UNLINKED', 'FIXED')),
    account_id       bigint       not null,
    recipient        varchar(320) not null,
    admin_copy       boolean      not null default false,
    publisher        varchar(16)  not null check (publisher in ('FACEBOOK', 'X')),
    external_id      varchar(64)  not null,
    account_name     varchar(300) not null,
    owner_email      varchar(320) not null,
    reason           varchar(64),
    occurred_at      timestamptz,
    expires_at       timestamptz,
    actor            varchar(320),
    dedupe_key       varchar(700) not null,
    status           varchar(16)  not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED', 'DEAD')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    claimed_until    timestamptz,
    message_id       varchar(255),
    last_error       varchar(500),
    created_at       timestamptz  not null,
    sent_at          timestamptz,
    constraint notice_dedupe_key_unique unique (dedupe_key)
);
-- what the sender claims: only notices still to deliver
create index notice_due_idx on notice (next_attempt_at, id) where status in ('PENDING', 'FAILED');
-- the account page and the agency's notifications page
create index notice_account_idx on notice (account_id, created_at desc);

-- Agency admins who asked for a copy of every notice about their agency's accounts (default: none).
create table notice_admin_copy (
    user_id     bigint      not null references app_user (id) on delete cascade,
    agency_id   bigint      not null references agency (id) on delete cascade,
    opted_in_at timestamptz not null default now(),
    primary key (user_id, agency_id)
);
create index notice_admin_copy_agency_idx on notice_admin_copy (agency_id);
