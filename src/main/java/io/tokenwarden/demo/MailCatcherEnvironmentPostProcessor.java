package io.tokenwarden.demo;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * In the demo with no mail server configured, points Spring Mail at the in-process mail catcher on
 * a free loopback port, so every email lands at {@code /dev/mail} instead of nowhere. Runs after
 * the database post-processor (listed after it in {@code spring.factories}, same order), which
 * decides whether this is the demo; it works out the same answer itself should the order change.
 */
class MailCatcherEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String CATCHER_PORT = "tokenwarden.mail.catcher-port";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean embedded = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
		boolean demo = environment.getProperty("tokenwarden.demo.enabled", Boolean.class, embedded);
		if (!demo || StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
			return;
		}
		int port = freeLoopbackPort();
		environment.getPropertySources()
			.addLast(new MapPropertySource("tokenwarden-mail-catcher", Map.of("spring.mail.host", "127.0.0.1",
					"spring.mail.port", port, CATCHER_PORT, port)));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static int freeLoopbackPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free loopback port for the demo's mail catcher", ex);
		}
	}

}
