package io.tokenwarden.members;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One browser over MockMvc that signs in through the real login form (so the sign-in throttle and
 * Spring Session see it), from a client address of its own, keeping its SESSION cookie.
 */
class Visitor {

	private final MockMvc mvc;

	private final String address;

	private Cookie session;

	Visitor(MockMvc mvc, String address) {
		this.mvc = mvc;
		this.address = address;
	}

	MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		request.with(r -> {
			r.setRemoteAddr(this.address);
			return r;
		});
		if (this.session != null) {
			request.cookie(this.session);
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		Cookie issued = result.getResponse().getCookie("SESSION");
		if (issued != null) {
			this.session = issued.getMaxAge() == 0 ? null : issued;
		}
		return result;
	}

	/** Signs in with the login form; the Location it redirects to ({@code /login?error} on failure). */
	String signIn(String email, String password) throws Exception {
		return perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.getResponse()
			.getRedirectedUrl();
	}

	String sessionId() {
		return this.session == null ? null : this.session.getValue();
	}

}
