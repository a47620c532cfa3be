-- Campaign sync (the sync module): when each account was last imported and is next due, the campaigns
-- of its ad accounts as last imported, the automations per account, and every action taken through
-- the publisher (by an automation or an admin). Amounts are in the ad account's currency units.
create table sync_account (
    account_id       bigint        primary key references publisher_account (id) on delete cascade,
    next_sync_at     timestamptz   not null,
    -- the lease of the instance importing it now (claimed with FOR UPDATE SKIP LOCKED)
    claimed_until    timestamptz,
    last_attempt_at  timestamptz,
    last_success_at  timestamptz,
    -- why the last attempt did not import (null after a success)
    last_error       varchar(500),
    failures         int           not null default 0
);
create index sync_account_due_idx on sync_account (next_sync_at);

create table campaign (
    account_id     bigint         not null references publisher_account (id) on delete cascade,
    campaign_id    varchar(64)    not null,
    ad_account_id  varchar(64)    not null,
    name           varchar(300)   not null,
    status         varchar(16)    not null check (status in ('ACTIVE', 'PAUSED', 'OTHER')),
    daily_budget   numeric(14, 2),
    spend_today    numeric(14, 2),
    bid            numeric(14, 2),
    synced_at      timestamptz    not null,
    primary key (account_id, campaign_id)
);

-- One automation of an account, on one campaign or (campaign_id null) on all of them.
--   AUTOPAUSE: pause when today's spend passes threshold (the cap)
--   RULE:      when metric is operator threshold, take action (PAUSE or RESUME)
--   AUTO_BID:  nudge the bid by step, within min_bid..max_bid, so today's spend moves toward threshold (the target)
create table automation (
    id           bigint generated always as identity primary key,
    account_id   bigint         not null references publisher_account (id) on delete cascade,
    kind         varchar(16)    not null check (kind in ('AUTOPAUSE', 'RULE', 'AUTO_BID')),
    campaign_id  varchar(64),
    threshold    numeric(14, 2) not null check (threshold >= 0),
    metric       varchar(16)    check (metric in ('SPEND_TODAY', 'BUDGET_USED')),
    operator     varchar(8)     check (operator in ('ABOVE', 'BELOW')),
    action       varchar(8)     check (action in ('PAUSE', 'RESUME')),
    min_bid      numeric(14, 2),
    max_bid      numeric(14, 2),
    step         numeric(14, 2),
    created_by   varchar(320)   not null,
    created_at   timestamptz    not null,
    constraint automation_rule_complete check (kind <> 'RULE' or (metric is not null and operator is not null and action is not null)),
    constraint automation_bid_complete check (kind <> 'AUTO_BID'
        or (min_bid > 0 and max_bid >= min_bid and step > 0))
);
create index automation_account_idx on automation (account_id);

create table automation_action (
    id             bigint generated always as identity primary key,
    account_id     bigint         not null references publisher_account (id) on delete cascade,
    automation_id  bigint         references automation (id) on delete set null,
    source         varchar(16)    not null check (source in ('AUTOPAUSE', 'RULE', 'AUTO_BID', 'ADMIN')),
    campaign_id    varchar(64)    not null,
    campaign_name  varchar(300)   not null,
    action         varchar(8)     not null check (action in ('PAUSE', 'RESUME', 'BID')),
    detail         varchar(500)   not null,
    outcome        varchar(8)     not null check (outcome in ('DONE', 'FAILED')),
    actor          varchar(320)   not null,
    taken_at       timestamptz    not null
);
create index automation_action_account_idx on automation_action (account_id, taken_at desc);
