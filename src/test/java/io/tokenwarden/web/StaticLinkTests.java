package io.tokenwarden.web;

import io.tokenwarden.testsupport.DemoConsoleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Page links stay as written (no per-link resource lookup), and webjars still resolve without a version. */
@DemoConsoleTest
class StaticLinkTests {

	@Autowired
	MockMvc mvc;

	@Test
	void pageWhenRenderedThenItsLinksAreNotRewrittenIntoResourcePaths() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(content().string(containsString("href=\"/webjars/bootstrap/css/bootstrap.min.css\"")))
			.andExpect(content().string(containsString("action=\"/login\"")));
	}

	@Test
	void webjarWhenRequestedWithoutItsVersionThenServed() throws Exception {
		this.mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/css"));
	}

}
