-- Slack, Teams and generic webhook channels of an agency, and their delivery outbox.
create table notification_channel (
    id                 bigint generated always as identity primary key,
    agency_id          bigint       not null references agency (id) on delete cascade,
    kind               varchar(16)  not null check (kind in ('SLACK', 'TEAMS', 'WEBHOOK')),
    name               varchar(100) not null,
    -- the URL is a secret (whoever has it can post to the channel): a Tink ciphertext bound to the row;
    -- emptied when the channel is removed
    url_ciphertext     bytea,
    -- SHA-256 of the URL, so the same URL cannot be added twice (a double click); it cannot be read back
    url_fingerprint    varchar(64)  not null,
    -- what the page shows instead: the host and the URL's last four characters
    url_hint           varchar(300) not null,
    -- generic webhooks only: the signing secret, a Tink ciphertext too
    secret_ciphertext  bytea,
    -- the events it receives, as ",EXPIRED,OUTAGE," (the commas make a match exact)
    events             varchar(200) not null,
    created_by         varchar(320) not null,
    created_at         timestamptz  not null,
    removed_at         timestamptz,
    removed_by         varchar(320)
);
create unique index notification_channel_url_unique on notification_channel (agency_id, url_fingerprint)
    where removed_at is null;
create index notification_channel_agency_idx on notification_channel (agency_id) where removed_at is null;

create table channel_delivery (
    id               bigint generated always as identity primary key,
    channel_id       bigint        not null references notification_channel (id) on delete cascade,
    event_id         uuid          not null unique,
    event            varchar(32)   not null,
    -- identifies what is reported (an incident, its recovery): one message per channel and key
    dedupe_key       varchar(300)  not null,
    summary          varchar(1000) not null,
    payload          text          not null,
    status           varchar(16)   not null default 'PENDING'
        check (status in ('PENDING', 'FAILED', 'SENT', 'DEAD', 'CANCELLED')),
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    claimed_until    timestamptz,
    last_error       varchar(300),
    created_at       timestamptz   not null,
    sent_at          timestamptz,
    constraint channel_delivery_dedupe unique (channel_id, dedupe_key)
);
create index channel_delivery_due_idx on channel_delivery (next_attempt_at) where status in ('PENDING', 'FAILED');
create index channel_delivery_log_idx on channel_delivery (channel_id, created_at desc, id desc);
