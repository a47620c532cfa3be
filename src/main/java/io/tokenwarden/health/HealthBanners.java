package io.tokenwarden.health;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.CurrentAgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

import java.util.List;

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
		List<Long> expired = this.jdbc.sql("""
				select l.account_id from agency_account_link l join account_token t on t.account_id = l.account_id
				where l.agency_id = ? and t.status = 'EXPIRED' limit 2""")
			.param(context.agencyId())
			.query(Long.class)
			.list();
		if (!expired.isEmpty()) {
			long count = expired.size() == 1 ? 1 : this.jdbc.sql("""
					select count(*) from agency_account_link l join account_token t on t.account_id = l.account_id
					where l.agency_id = ? and t.status = 'EXPIRED'""").param(context.agencyId()).query(Long.class).single();
			model.addAttribute("expiredBanner", new ExpiredBanner(count,
					count == 1 ? "/config/accounts/" + expired.get(0) : "/config/accounts?status=EXPIRED"));
		}
		this.checks.progress(context.agencyId()).ifPresent(p -> model.addAttribute("checkProgress", p));
	}

}
