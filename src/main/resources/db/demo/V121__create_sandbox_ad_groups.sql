-- The imitation publishers keep bids where the real ones do (the sandbox module, demo only): on a
-- Facebook campaign's ad sets and an X campaign's line items, one or more per campaign. Money in cents;
-- bid_cents is null when the publisher bids automatically (Meta LOWEST_COST_WITHOUT_CAP, X AUTO).
create table sandbox_ad_group (
    id           bigint generated always as identity primary key,
    campaign_id  varchar(64)  not null references sandbox_campaign (campaign_id) on delete cascade,
    ad_group_id  varchar(64)  not null unique,
    name         varchar(300) not null,
    status       varchar(16)  not null check (status in ('ACTIVE', 'PAUSED')),
    bid_cents    bigint       check (bid_cents > 0),
    position     integer      not null
);
create index sandbox_ad_group_campaign_idx on sandbox_ad_group (campaign_id, position);

-- a demo seeded before: each campaign's one bid becomes its first ad set or line item
insert into sandbox_ad_group (campaign_id, ad_group_id, name, status, bid_cents, position)
select campaign_id, campaign_id || case when publisher = 'FACEBOOK' then '01' else 'l1' end,
       case when publisher = 'FACEBOOK' then 'Broad audience' else 'Followers' end, 'ACTIVE', bid_cents, 1
from sandbox_campaign;

alter table sandbox_campaign drop column bid_cents;
