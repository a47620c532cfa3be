package io.tokenwarden.testsupport;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One browser's session across MockMvc requests. Sessions live in PostgreSQL (Spring Session JDBC),
 * so a {@code MockHttpSession} is not what the application sees: its {@code SESSION} cookie is.
 */
public class WebSession {

	private final MockMvc mvc;

	private final String user;

	private Cookie cookie;

	public WebSession(MockMvc mvc, String user) {
		this.mvc = mvc;
		this.user = user;
	}

	public MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		request.with(user(this.user));
		if (this.cookie != null) {
			request.cookie(this.cookie);
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		Cookie issued = result.getResponse().getCookie("SESSION");
		if (issued != null) {
			this.cookie = issued;
		}
		return result;
	}

	/** Switches this session's current agency, as the header's switcher does. */
	public WebSession inAgency(long agencyId) throws Exception {
		perform(post("/agency").param("agencyId", String.valueOf(agencyId)).with(csrf()));
		return this;
	}

}
