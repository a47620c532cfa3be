-- Config > Accounts reads an agency's links alone until it has cut its page of fifty.
--
-- Each link carries what the page filters and sorts on by default: the account's publisher, its
-- name for sorting, its search text, and its token's status. Triggers keep the copies right
-- whichever code writes the accounts, tokens or links, so no Java has to remember them. With them,
-- the largest agency's page, search and status filter each find their fifty rows and their total in
-- the link indexes below (and the expired-token banner on every page counts its accounts there),
-- instead of joining thousands of accounts and tokens first.

alter table agency_account_link
    add column publisher    varchar(16),
    add column sort_name    text,
    add column search_text  text,
    add column token_status varchar(16);

update agency_account_link l
set publisher = a.publisher, sort_name = lower(a.name), search_text = a.search_text, token_status = t.status
from publisher_account a
left join account_token t on t.account_id = a.id
where a.id = l.account_id;

alter table agency_account_link
    alter column publisher set not null,
    alter column sort_name set not null,
    alter column search_text set not null;

-- A new link copies its account and its token.
create function agency_account_link_copy() returns trigger language plpgsql as $$
begin
    select a.publisher, lower(a.name), a.search_text into new.publisher, new.sort_name, new.search_text
    from publisher_account a where a.id = new.account_id;
    select t.status into new.token_status from account_token t where t.account_id = new.account_id;
    return new;
end $$;

create trigger agency_account_link_copy before insert on agency_account_link
    for each row execute function agency_account_link_copy();

-- A renamed account (or a new owner's email) changes its links' sort name and search text.
create function agency_account_link_account_changed() returns trigger language plpgsql as $$
begin
    update agency_account_link set sort_name = lower(new.name), search_text = new.search_text
    where account_id = new.id;
    return null;
end $$;

create trigger agency_account_link_account_changed after update on publisher_account
    for each row when (old.name is distinct from new.name or old.search_text is distinct from new.search_text)
    execute function agency_account_link_account_changed();

-- A token's status reaches every agency the account is linked to.
create function agency_account_link_token_changed() returns trigger language plpgsql as $$
begin
    update agency_account_link set token_status = new.status
    where account_id = new.account_id and token_status is distinct from new.status;
    return null;
end $$;

create trigger agency_account_link_token_changed after update on account_token
    for each row when (old.status is distinct from new.status)
    execute function agency_account_link_token_changed();

-- New tokens, in one statement however many were inserted (a scale-data fill inserts 100,000).
create function agency_account_link_tokens_inserted() returns trigger language plpgsql as $$
begin
    update agency_account_link l set token_status = t.status
    from inserted t
    where l.account_id = t.account_id and l.token_status is distinct from t.status;
    return null;
end $$;

create trigger agency_account_link_tokens_inserted after insert on account_token
    referencing new table as inserted
    for each statement execute function agency_account_link_tokens_inserted();

create function agency_account_link_token_deleted() returns trigger language plpgsql as $$
begin
    update agency_account_link set token_status = null where account_id = old.account_id;
    return null;
end $$;

create trigger agency_account_link_token_deleted after delete on account_token
    for each row execute function agency_account_link_token_deleted();

-- The default sort (by name), walked in order and stopped after the page's last row.
create index agency_account_link_name_idx on agency_account_link (agency_id, sort_name, account_id);

-- The status filter and the expired-token banner: the agency's accounts with a status, by name.
create index agency_account_link_status_idx on agency_account_link (agency_id, token_status, sort_name, account_id);

-- A search within one agency: its links whose text holds the trigrams searched for (btree_gin
-- lets the agency's id sit in the same GIN index; like pg_trgm it is a trusted extension).
create extension if not exists btree_gin;
create index agency_account_link_search_idx on agency_account_link using gin (agency_id, search_text gin_trgm_ops);

-- Each shown account's linked agencies, from the index alone.
drop index agency_account_link_account_idx;
create index agency_account_link_account_idx on agency_account_link (account_id, agency_id);

-- How many accounts each agency holds, for the unfiltered page's total (counting the largest
-- agency's 6,400 links on every visit was a third of the page's database time). Links are only ever
-- inserted and deleted (a cascade from an account or an agency included), never moved.
alter table agency add column account_count integer not null default 0;

update agency g set account_count = c.n
from (select agency_id, count(*) as n from agency_account_link group by agency_id) c
where c.agency_id = g.id;

create function agency_account_count_added() returns trigger language plpgsql as $$
begin
    update agency g set account_count = g.account_count + c.n
    from (select agency_id, count(*) as n from added group by agency_id) c
    where c.agency_id = g.id;
    return null;
end $$;

create trigger agency_account_count_added after insert on agency_account_link
    referencing new table as added
    for each statement execute function agency_account_count_added();

create function agency_account_count_removed() returns trigger language plpgsql as $$
begin
    update agency g set account_count = g.account_count - c.n
    from (select agency_id, count(*) as n from removed group by agency_id) c
    where c.agency_id = g.id;
    return null;
end $$;

create trigger agency_account_count_removed after delete on agency_account_link
    referencing old table as removed
    for each statement execute function agency_account_count_removed();

-- The account-wide name and search indexes served the page before the links carried these copies.
drop index publisher_account_name_idx;
drop index publisher_account_search_idx;
