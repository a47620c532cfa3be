package io.tokenwarden;

import io.tokenwarden.tokens.TokenCipher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

/**
 * Token Warden: keeps agencies' Facebook and X publisher accounts connected. Its own component scan
 * (declared here, it replaces {@code @SpringBootApplication}'s) has one more exclude filter: the demo and the sandbox
 * ({@code io.tokenwarden.demo}, {@code io.tokenwarden.sandbox}) are never scanned here; only
 * {@code demo.DemoConfiguration}, an auto-configuration active with {@code tokenwarden.demo.enabled=true},
 * brings them in.
 */
@SpringBootApplication
@ComponentScan(excludeFilters = { @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
		@Filter(type = FilterType.REGEX, pattern = TokenWardenApplication.SHOWROOM) })
@ConfigurationPropertiesScan
public class TokenWardenApplication {

	/** The packages of the demo and the sandbox, which only the demo's configuration scans. */
	public static final String SHOWROOM = "io\\.tokenwarden\\.(demo|sandbox)\\..*";

	public static void main(String[] args) {
		if (args.length == 1 && "generate-keyset".equals(args[0])) {
			// for operators: a fresh key set for tokenwarden.encryption.keyset, without starting anything
			System.out.println(TokenCipher.generateKeyset());
			return;
		}
		SpringApplication.run(TokenWardenApplication.class, args);
	}

}
