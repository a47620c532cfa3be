-- Two notices of owners' reconnect links: an admin sent the owner a link (RECONNECT_LINK), and the owner
-- reconnected the account through one (RECONNECTED).
alter table notice drop constraint notice_kind_check;
alter table notice add constraint notice_kind_check check (kind in ('EXPIRED', 'EXPIRING_SOON', 'FUNDING_SOURCE_INVALID',
    'UNREACHABLE', 'UNLINKED', 'FIXED', 'RECONNECT_LINK', 'RECONNECTED'));
