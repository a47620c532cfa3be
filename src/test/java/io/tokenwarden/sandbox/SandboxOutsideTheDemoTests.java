package io.tokenwarden.sandbox;

import io.tokenwarden.testsupport.InstallationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Arrays;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Outside the demo the sandbox does not exist: no beans, no URLs, no configuration. */
@InstallationTest
class SandboxOutsideTheDemoTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void sandboxUrlsWhenDemoDisabledThenNotFound() throws Exception {
		for (String path : new String[] { "/sandbox", "/sandbox/facebook/v25.0/me", "/sandbox/x/2/users/me",
				"/sandbox/facebook/dialog/oauth", "/sandbox/x/oauth/authorize" }) {
			this.mvc.perform(get(path)).andExpect(status().isNotFound());
		}
	}

	@Test
	void sandboxWhenDemoDisabledThenNoBeanAndNoSandboxConfiguration() {
		assertThat(Arrays.stream(this.context.getBeanDefinitionNames())
			.map(this.context::getType)
			.filter(Objects::nonNull)
			.map(Class::getName)
			.filter(name -> name.startsWith(SandboxApps.class.getPackageName() + "."))).isEmpty();
		assertThat(this.context.getEnvironment().getPropertySources().contains(SandboxEnvironmentPostProcessor.DEFAULTS))
			.isFalse();
		// this installation aims Facebook at a test server of its own, and has no X app: none of it is the sandbox
		assertThat(this.context.getEnvironment().getProperty("tokenwarden.publishers.facebook.graph-url"))
			.doesNotContain("/sandbox");
		assertThat(this.context.getEnvironment().getProperty("tokenwarden.publishers.x.consumer-key")).isNull();
	}

}
