package io.tokenwarden.security;

import io.tokenwarden.testsupport.DemoConsoleTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every page carries the security headers: signed in or not, found or not. */
@DemoConsoleTest
class SecurityHeadersTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest(name = "{0} as {1}")
	@CsvSource({ "/config/accounts, viewer@demo.test, 200", "/login, , 200", "/config/accounts/999999999, admin@demo.test, 404",
			"/config/accounts, , 302" })
	void pageThenItCarriesTheSecurityHeaders(String path, String user, int expected) throws Exception {
		MockHttpServletRequestBuilder request = get(path);
		if (user != null) {
			request.with(user(user));
		}
		this.mvc.perform(request)
			.andExpect(status().is(expected))
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("Content-Security-Policy", allOf(containsString("frame-ancestors 'none'"),
					containsString("script-src 'self'"), containsString("object-src 'none'"), not(containsString("unsafe-inline")),
					not(containsString("unsafe-eval")))))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

}
