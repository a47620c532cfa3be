package io.tokenwarden.testsupport;

import io.tokenwarden.TokenWardenApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import java.util.function.Consumer;

/**
 * The application started once more in the test's JVM, as another instance (or an installation of its
 * own) would run it, with the test classes' own configurations (other contexts' clocks, counters) left out.
 */
public final class AppInstance {

	private AppInstance() {
	}

	public static ConfigurableApplicationContext start(String... arguments) {
		return start(context -> {
		}, arguments);
	}

	/** With {@code beans} registered first (a shared clock, say). */
	public static ConfigurableApplicationContext start(Consumer<GenericApplicationContext> beans, String... arguments) {
		return new SpringApplicationBuilder(TokenWardenApplication.class).initializers(context -> {
			GenericApplicationContext generic = (GenericApplicationContext) context;
			generic.registerBean("testConfigurationsExcluded", TypeExcludeFilter.class, TestConfigurationsExcluded::new);
			beans.accept(generic);
		}).run(arguments);
	}

	/** The test classes' own configurations stay out of the instance. */
	static final class TestConfigurationsExcluded extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return reader.getAnnotationMetadata().isAnnotated(TestConfiguration.class.getName());
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestConfigurationsExcluded;
		}

		@Override
		public int hashCode() {
			return TestConfigurationsExcluded.class.hashCode();
		}

	}

}
