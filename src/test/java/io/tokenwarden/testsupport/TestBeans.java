package io.tokenwarden.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The beans every shared test context adds, the same in each so that the contexts can be cached: one
 * {@link MutableClock} as the application's clock ({@link #CLOCK}, also for a second instance a test
 * starts), {@link TestData} and the {@link StatementCounter}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ TestData.class, StatementCounter.class })
public class TestBeans {

	/** The application's clock in every shared context; a test moves it forward, and it is back at the real time after each test ({@link ClockReset}). */
	public static final MutableClock CLOCK = new MutableClock();

	@Bean
	@Primary
	MutableClock mutableClock() {
		return CLOCK;
	}

}
