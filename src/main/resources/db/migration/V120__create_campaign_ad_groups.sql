-- Bids where the publishers keep them (the sync module): a campaign's ad sets (Facebook) or line items
-- (X), each with its own bid, replace the one bid per campaign that neither publisher has. The bid is in
-- the ad account's currency units; null when the publisher bids automatically.
create table campaign_ad_group (
    account_id   bigint         not null,
    ad_group_id  varchar(64)    not null,
    campaign_id  varchar(64)    not null,
    name         varchar(300)   not null,
    status       varchar(16)    not null check (status in ('ACTIVE', 'PAUSED', 'OTHER')),
    bid          numeric(14, 2) check (bid > 0),
    primary key (account_id, ad_group_id),
    foreign key (account_id, campaign_id) references campaign (account_id, campaign_id) on delete cascade
);
create index campaign_ad_group_campaign_idx on campaign_ad_group (account_id, campaign_id);

alter table campaign drop column bid;

-- a bid change names the ad set or line item it was made on
alter table automation_action add column ad_group_id varchar(64), add column ad_group_name varchar(300);

-- the campaigns imported so far have no ad groups: import every account again at its next round
update sync_account set next_sync_at = least(next_sync_at, now());
