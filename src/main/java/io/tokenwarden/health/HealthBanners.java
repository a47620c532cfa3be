package io.tokenwarden.health;

import io.tokenwarden.agencies.AgencyContext;
import io.tokenwarden.agencies.CurrentAgency;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The banners on every page of an agency: publisher outages ("Facebook can't be reached since 10:42 …"),
 * the expired-token warning with its link, and the progress of a running "Check all now". Added once a
 * handler has chosen a page to render, so their queries run once per page shown: never for a POST or a
 * GET that redirects, a static file, or an answer without a page.
 */
@Component
class HealthBanners implements HandlerInterceptor, WebMvcConfigurer {

	private final CurrentAgency currentAgency;

	private final HealthChecks checks;

	private final JdbcClient jdbc;

	HealthBanners(CurrentAgency currentAgency, HealthChecks checks, JdbcClient jdbc) {
		this.currentAgency = currentAgency;
		this.checks = checks;
		this.jdbc = jdbc;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || !rendersPage(page)) {
			return;
		}
		AgencyContext context = this.currentAgency.find().orElse(null);
		if (context == null) {
			return;
		}
		page.addObject("incidents", this.checks.openIncidents());
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
			page.addObject("expiredBanner", banner);
		}
		this.checks.progress(context.agencyId()).ifPresent(p -> page.addObject("checkProgress", p));
	}

	/** A view to render, not a redirect or a forward. */
	private static boolean rendersPage(ModelAndView page) {
		if (page.getView() instanceof RedirectView) {
			return false;
		}
		String name = page.getViewName();
		return page.hasView() && (name == null || !(name.startsWith("redirect:") || name.startsWith("forward:")));
	}

}
