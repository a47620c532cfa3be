package io.tokenwarden.refresh;

import org.springframework.test.util.TestSocketUtils;
import io.tokenwarden.testsupport.TestData;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One application context for refresh tests against the demo's sandbox publishers over real HTTP, as in
 * production: the server runs on a fixed free port (the sandbox's URLs are resolved from
 * {@code server.port} at start-up), and a counter sees every call that reaches the sandbox X.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureMockMvc
@Import({ TestData.class, SandboxRefreshSupport.Calls.class })
abstract class SandboxRefreshSupport {

	static final int PORT = TestSocketUtils.findAvailableTcpPort();

	@DynamicPropertySource
	static void fixedPort(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	/** Counts the calls that reach the sandbox, by path. */
	static final class SandboxCalls extends OncePerRequestFilter {

		private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

		int to(String path) {
			AtomicInteger count = this.calls.get(path);
			return count == null ? 0 : count.get();
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !request.getRequestURI().startsWith("/sandbox/");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			this.calls.computeIfAbsent(request.getRequestURI(), path -> new AtomicInteger()).incrementAndGet();
			chain.doFilter(request, response);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Calls {

		@Bean
		SandboxCalls sandboxCalls() {
			return new SandboxCalls();
		}

	}

}
