package io.tokenwarden.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The beans every shared test context adds, the same in each so that the contexts can be cached: a
 * {@link MutableClock} of the context's own as the application's clock (its tests move it forward; a second
 * instance a test starts gets the same one), {@link TestData} and the {@link StatementCounter}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ TestData.class, StatementCounter.class })
public class TestBeans {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

}
