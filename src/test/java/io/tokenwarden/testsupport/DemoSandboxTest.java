package io.tokenwarden.testsupport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo as it runs, with its sandbox publishers over real HTTP, on a database of its own: the server on a
 * fixed free port ({@link #PORT}; the sandbox's URLs are resolved from {@code server.port} at start-up), no
 * mail server (the demo's mail catcher gets every email), the notice sender on its schedule and the
 * catch-up sync after a refresh switched on, MockMvc,
 * {@link TestBeans}, and a {@link SandboxCalls} counter that sees every call reaching the sandbox. One cached
 * context for the sandbox tests ({@code SandboxTestSupport}), the refresh and Connect tests against the
 * sandbox ({@code SandboxRefreshSupport}), the browser tests of the demo (invalidate, sync, reconnect), the
 * demo's mail catcher ({@code DevMailTests}) and the scheduled notice sender ({@code NoticeSchedulingTests}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
		// a database of its own: the notice sender is scheduled here, as in the demo, and must never take
		// the notices of the other contexts' tests
		"tokenwarden.data-dir=target/test-data-sandbox", "tokenwarden.notifications.scheduled-sending=true",
		"tokenwarden.notifications.poll-interval=PT1S", "db-scheduler.polling-interval=PT1S",
		"tokenwarden.sync.catch-up-after-refresh=true" })
@AutoConfigureMockMvc
@Import({ TestBeans.class, DemoSandboxTest.Calls.class })
@ContextConfiguration(initializers = DemoSandboxTest.Port.class)
public @interface DemoSandboxTest {

	/** The port of this context's server, free when the JVM started. */
	int PORT = TestSocketUtils.findAvailableTcpPort();

	/** Puts the server on {@link #PORT}. */
	final class Port implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment().getPropertySources()
				.addFirst(new MapPropertySource("demo-sandbox-test", Map.of("server.port", PORT)));
		}

	}

	/** Counts the calls that reach the sandbox, by path. */
	final class SandboxCalls extends OncePerRequestFilter {

		private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

		public int to(String path) {
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
	class Calls {

		@Bean
		SandboxCalls sandboxCalls() {
			return new SandboxCalls();
		}

	}

}
