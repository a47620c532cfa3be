package io.tokenwarden.health;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.CurrentAgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;


/**
 * The banners on every page of an agency: publisher outages ("Facebook can't be reached since 10:42 …"),
 * the expired-token warning with its link, and the progress of a running "Check all now".
 */
@ControllerAdvice
class HealthBanners {

	private final CurrentAgency currentAgency;

	private final HealthChecks checks;

	private final JdbcClient jdbc;

	HealthBanners(CurrentAgency currentAgency, HealthChecks checks, JdbcClient jdbc) {
		this.currentAgency = currentAgency;
		this.checks = checks;
		this.jdbc = jdbc;
	}

	@ModelAttribute
	void banners(Model model) {
		AgencyContext context = this.currentAgency.find().orElse(null);
		if (context == null) {
			return;
		}
		model.addAttribute("incidents", this.checks.openIncidents());
		// one statement for the count and, when there is only one, the account the link goes to; the
		// links carry their token's status (migration V80), so this counts in one index
		ExpiredBanner banner = this.jdbc.sql("""
				select count(*), min(l.account_id) from agency_account_link l
				where l.agency_id = ? and l.token_status = 'EXPIRED'""")
			.param(context.agencyId())
			.query((rs, n) -> new ExpiredBanner(rs.getLong(1),
					rs.getLong(1) == 1 ? "/config/accounts/" + rs.getLong(2) : "/config/accounts?status=EXPIRED"))
			.single();
		if (banner.count() > 0) {
			model.addAttribute("expiredBanner", banner);
		}
		this.checks.progress(context.agencyId()).ifPresent(p -> model.addAttribute("checkProgress", p));
	}

}
