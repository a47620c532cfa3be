-- Publisher accounts (a Facebook or X identity) and the agencies each one is linked to.
create table publisher_account (
    id           bigint generated always as identity primary key,
    publisher    varchar(16)  not null check (publisher in ('FACEBOOK', 'X')),
    external_id  varchar(64)  not null,
    name         varchar(300) not null,
    owner_email  varchar(320) not null,
    created_at   timestamptz  not null default now(),
    constraint publisher_account_external_unique unique (publisher, external_id)
);

create table agency_account_link (
    agency_id   bigint      not null references agency (id) on delete cascade,
    account_id  bigint      not null references publisher_account (id) on delete cascade,
    linked_at   timestamptz not null default now(),
    primary key (agency_id, account_id)
);
-- "which agencies is this account linked to" (blast radius, linked-agency counts)
create index agency_account_link_account_idx on agency_account_link (account_id);
