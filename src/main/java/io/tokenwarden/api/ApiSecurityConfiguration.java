package io.tokenwarden.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;

import java.io.IOException;

/**
 * The status API's own filter chain: bearer tokens only, stateless (no session is read or made), no
 * CSRF (no cookie authenticates here), no redirect to the sign-in page; a missing or dead token is a
 * 401 problem, and only GET is served (the API is read-only).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	static final String OPENAPI_PATHS = "/api/v1/openapi";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens, ApiProblems problems) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, OPENAPI_PATHS, OPENAPI_PATHS + ".yaml").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(ApiTokenFilter.AUTHORITY)
				.anyRequest().denyAll())
			.addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> unauthorized(problems, request, response))
				.accessDeniedHandler((request, response, ex) -> {
					if (!HttpMethod.GET.matches(request.getMethod())) {
						response.setHeader("Allow", "GET");
						problems.write(request, response,
								ApiProblems.problem(HttpStatus.METHOD_NOT_ALLOWED, "the status API is read-only"));
					}
					else {
						// authenticated some other way (a console session never is, here): still no API token
						unauthorized(problems, request, response);
					}
				}))
			.headers(headers -> headers.cacheControl(cache -> { }));
		return http.build();
	}

	private static void unauthorized(ApiProblems problems, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer realm=\"token-warden\"");
		problems.write(request, response, ApiProblems.problem(HttpStatus.UNAUTHORIZED,
				"a working API token is needed: Authorization: Bearer <token> (see /account/api-tokens)"));
	}

}
