-- Scheduled token health checks: when each account is next due, what its publisher last said, the
-- history of outcomes (for the account page's chart), publisher-wide incidents and "Check all" runs.
create table account_health (
    account_id                 bigint       primary key references publisher_account (id) on delete cascade,
    next_check_at              timestamptz  not null,
    claimed_until              timestamptz,
    last_verified_at           timestamptz,
    unreachable_since          timestamptz,
    unreachable_noticed        boolean      not null default false,
    last_outcome               varchar(32),
    last_error                 varchar(500),
    billing_problem_since      timestamptz,
    permission_problem_since   timestamptz,
    expiry_incident_opened_at  timestamptz,
    reminders_sent             int          not null default 0
);
create index account_health_due_idx on account_health (next_check_at);

create table token_check (
    id          bigint generated always as identity primary key,
    account_id  bigint       not null references publisher_account (id) on delete cascade,
    checked_at  timestamptz  not null,
    outcome     varchar(32)  not null,
    reason      varchar(64),
    code        varchar(32),
    subcode     varchar(32),
    trace_id    varchar(100),
    detail      varchar(500)
);
create index token_check_account_idx on token_check (account_id, checked_at desc);

create table publisher_incident (
    id             bigint generated always as identity primary key,
    publisher      varchar(16)  not null check (publisher in ('FACEBOOK', 'X')),
    opened_at      timestamptz  not null,
    closed_at      timestamptz,
    last_probe_at  timestamptz,
    detail         varchar(500)
);
-- at most one open incident per publisher
create unique index publisher_incident_open_idx on publisher_incident (publisher) where closed_at is null;

create table check_run (
    id            bigint generated always as identity primary key,
    agency_id     bigint       not null references agency (id) on delete cascade,
    requested_by  varchar(320) not null,
    started_at    timestamptz  not null,
    total         int          not null
);
create index check_run_agency_idx on check_run (agency_id, started_at desc);
