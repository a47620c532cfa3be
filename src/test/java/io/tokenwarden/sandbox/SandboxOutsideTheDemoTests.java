package io.tokenwarden.sandbox;

import io.tokenwarden.tokens.TokenCipher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Arrays;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Outside the demo the sandbox does not exist: no beans, no URLs, no configuration. */
@SpringBootTest(properties = "tokenwarden.demo.enabled=false")
@AutoConfigureMockMvc
class SandboxOutsideTheDemoTests {

	@DynamicPropertySource
	static void keyset(DynamicPropertyRegistry registry) {
		registry.add("tokenwarden.encryption.keyset", TokenCipher::generateKeyset);
	}

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
		assertThat(this.context.getEnvironment().getProperty("tokenwarden.publishers.facebook.graph-url")).isNull();
		assertThat(this.context.getEnvironment()
			.getProperty("tokenwarden.publishers.x.consumer-key")).isNull();
	}

}
