-- A production database holds production tables only. Until the demo's schema got its own location
-- (db/demo, applied only in the demo, with its own history table flyway_demo_history), V20, V22, V90 and
-- V121 made the sandbox's tables in every database: outside the demo they go (they were never used there).
-- The placeholder demo is tokenwarden.demo.enabled (spring.flyway.placeholders.demo): a demo database keeps them.
do $$
begin
    if '${demo}' = 'true' then
        return;
    end if;
    drop table if exists sandbox_request_token, sandbox_ad_group, sandbox_campaign, sandbox_code, sandbox_token,
        sandbox_grant, sandbox_ad_account, sandbox_page, sandbox_publisher_mode, sandbox_user, flyway_demo_history;
end
$$;
