package io.tokenwarden;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each feature package is a module; dependencies run one way and internals stay internal. */
class ModularityTests {

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersApis() {
		ApplicationModules.of(TokenWardenApplication.class).verify();
	}

}
