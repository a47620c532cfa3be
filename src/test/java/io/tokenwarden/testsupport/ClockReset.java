package io.tokenwarden.testsupport;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Puts the shared contexts' clock ({@link TestBeans#CLOCK}) back to the real time after each test: a test
 * that moved it forward leaves the next one, which may compare with the real time, the time it expects.
 */
public class ClockReset implements TestExecutionListener {

	@Override
	public void afterTestMethod(TestContext testContext) {
		TestBeans.CLOCK.reset();
	}

}
