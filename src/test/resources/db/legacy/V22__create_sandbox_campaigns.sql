-- The imitation publishers' campaigns (the sandbox module, demo only): Facebook campaigns belong to an
-- ad account of sandbox_ad_account, X campaigns to the user's one X Ads account. Money is in cents.
create table sandbox_campaign (
    id                  bigint generated always as identity primary key,
    user_id             bigint       not null references sandbox_user (id) on delete cascade,
    publisher           varchar(16)  not null check (publisher in ('FACEBOOK', 'X')),
    ad_account_id       varchar(64)  not null,
    campaign_id         varchar(64)  not null unique,
    name                varchar(300) not null,
    status              varchar(16)  not null check (status in ('ACTIVE', 'PAUSED')),
    daily_budget_cents  bigint       not null check (daily_budget_cents > 0),
    -- today's spend; it grows by the bid each time the campaign is read, up to the budget, and starts
    -- again from zero on a new day
    spend_cents         bigint       not null default 0,
    spend_day           date         not null,
    bid_cents           bigint       not null check (bid_cents > 0),
    position            integer      not null
);
create index sandbox_campaign_account_idx on sandbox_campaign (publisher, ad_account_id, position);
create index sandbox_campaign_user_idx on sandbox_campaign (user_id);
