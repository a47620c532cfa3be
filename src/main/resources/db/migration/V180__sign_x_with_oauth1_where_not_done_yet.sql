-- The console's half of what V90 did (V90 also changed the sandbox's tables, which live in db/demo now, so
-- it left this location): X accounts are signed with OAuth 1.0a, an X credential is an oauth_token and its
-- secret. A database that ran V90 (made before the split) did all of this already and is left alone: the
-- column's old name tells the one from the other.
do $$
begin
    if not exists (select 1 from information_schema.columns where table_schema = current_schema()
            and table_name = 'account_token' and column_name = 'refresh_token_ciphertext') then
        return;
    end if;

    alter table account_token rename column refresh_token_ciphertext to token_secret_ciphertext;
    alter table account_token drop constraint account_token_invalidated_has_no_secret;
    alter table account_token add constraint account_token_invalidated_has_no_secret
        check (status <> 'INVALIDATED' or (access_token_ciphertext is null and token_secret_ciphertext is null));

    alter table revocation_request rename column refresh_token_ciphertext to token_secret_ciphertext;
    alter table revocation_request drop constraint revocation_request_secret_erased;
    alter table revocation_request add constraint revocation_request_secret_erased
        check (status = 'PENDING' or (access_token_ciphertext is null and token_secret_ciphertext is null));

    -- X's OAuth 2.0 tokens, which the X Ads API never accepted, are removed; the accounts wait for a refresh
    -- through X's OAuth 1.0a consent (each row's update reaches the links through V80's token trigger)
    update account_token t
    set status = 'EXPIRED', status_reason = 'X_OAUTH1_REQUIRED',
        status_note = 'X now connects through OAuth 1.0a: refresh the account to reconnect it with X',
        status_changed_at = now(), status_changed_by = 'migration',
        access_token_ciphertext = null, token_secret_ciphertext = null, expires_at = null, scopes = null
    from publisher_account a
    where a.id = t.account_id and a.publisher = 'X' and t.status <> 'INVALIDATED';

    -- their pending revocations could only be sent to the OAuth 2.0 revoke endpoint, which is gone
    update revocation_request
    set status = 'FAILED', completed_at = now(), access_token_ciphertext = null, token_secret_ciphertext = null,
        last_error = 'not sent: an X OAuth 2.0 token, which X no longer takes; X now connects through OAuth 1.0a'
    where publisher = 'X' and status = 'PENDING';

    -- the background renewal of X's two-hour OAuth 2.0 tokens is gone with them
    delete from scheduled_tasks where task_name = 'x-token-renewal';
end
$$;
