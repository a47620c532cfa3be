package io.tokenwarden.members;

import io.tokenwarden.testsupport.StatementCounter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The health banners on every page of an agency (outages, expired tokens, a running "Check all now") cost their
 * queries once per page shown, and nothing for a POST, a GET that redirects or a static file.
 */
class BannerQueriesTests extends TeamTestSupport {

	/** What each banner's statement reads, as its SQL says. */
	private static final List<String> BANNERS = List.of("from publisher_incident where closed_at is null",
			"l.token_status = 'EXPIRED'", "from check_run r where r.agency_id");

	@Test
	void bannersWhenAPageIsShownThenEachQueryRunsOnceAndForAPostARedirectOrAStaticFileNever() throws Exception {
		Agency agency = agencyWithAdmin("Banner Agency");
		Visitor admin = signedIn(agency.adminEmail());

		List<String> page = StatementCounter.recording(() -> admin.perform(get("/config/accounts")));
		List<String> postThenRedirect = StatementCounter.recording(
				() -> admin.perform(post("/config/notifications/copies").param("enabled", "true").with(csrf())));
		List<String> redirect = StatementCounter.recording(() -> admin.perform(get("/")));
		List<String> staticFile = StatementCounter.recording(() -> admin.perform(get("/css/app.css")));

		for (String banner : BANNERS) {
			assertThat(page).as("the page view runs " + banner).filteredOn(sql -> sql.contains(banner)).hasSize(1);
		}
		assertThat(banners(postThenRedirect)).as("a POST").isEmpty();
		assertThat(banners(redirect)).as("a GET that redirects").isEmpty();
		assertThat(banners(staticFile)).as("a static file").isEmpty();
	}

	private static List<String> banners(List<String> statements) {
		return statements.stream().filter(sql -> BANNERS.stream().anyMatch(sql::contains)).toList();
	}

}
