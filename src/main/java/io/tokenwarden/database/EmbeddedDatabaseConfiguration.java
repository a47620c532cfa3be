package io.tokenwarden.database;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The pool fails fast while the database is unreachable. Shutdown in order: every executor (the health rounds', Boot's task executor, the schedulers) is drained
 * before the connection pool closes, and the pool closes before the embedded PostgreSQL stops, so work
 * cut short by a shutdown can still write that it stopped.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabaseConfiguration {

	/** The embedded cluster's directory; set by {@link EmbeddedDatabaseEnvironmentPostProcessor} only when it started one. */
	static final String DIRECTORY = "tokenwarden.embedded.directory";

	static final String HOLD = "embeddedPostgresHold";

	@Bean(HOLD)
	@ConditionalOnProperty(DIRECTORY)
	static EmbeddedDatabaseHold embeddedPostgresHold(Environment environment) {
		return new EmbeddedDatabaseHold(Path.of(environment.getRequiredProperty(DIRECTORY)));
	}

	/** The pool is created after, and closed before, this context lets go of the embedded server. */
	@Bean
	@ConditionalOnProperty(DIRECTORY)
	static BeanFactoryPostProcessor poolClosesBeforeTheEmbeddedServer() {
		return new DataSourceDependsOnHold();
	}

	/** Beans close before what they depend on: an executor that depends on the pool is drained while the pool is open. */
	@Bean
	static BeanFactoryPostProcessor executorsDrainBeforeThePoolCloses() {
		return beanFactory -> {
			List<String> pools = List.of(beanFactory.getBeanNamesForType(DataSource.class, true, false));
			for (String name : beanFactory.getBeanNamesForType(Executor.class, true, false)) {
				if (!beanFactory.containsBeanDefinition(name)) {
					continue;
				}
				BeanDefinition definition = beanFactory.getBeanDefinition(name);
				Set<String> dependsOn = new LinkedHashSet<>();
				if (definition.getDependsOn() != null) {
					dependsOn.addAll(List.of(definition.getDependsOn()));
				}
				dependsOn.addAll(pools);
				definition.setDependsOn(dependsOn.toArray(new String[0]));
			}
		};
	}

	/** The pool answers at once for two seconds after the database could not be reached (see {@link FailFastDataSource}). */
	@Bean
	static BeanPostProcessor failFastPool() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DataSource pool && !(bean instanceof FailFastDataSource)
						? new FailFastDataSource(pool, Duration.ofSeconds(2)) : bean;
			}

		};
	}

	static final class DataSourceDependsOnHold extends AbstractDependsOnBeanFactoryPostProcessor {

		DataSourceDependsOnHold() {
			super(DataSource.class, HOLD);
		}

	}

	/** This context's claim on the embedded server, given back when the context has closed its pool. */
	static final class EmbeddedDatabaseHold implements DisposableBean {

		private final Path directory;

		EmbeddedDatabaseHold(Path directory) {
			this.directory = directory;
			EmbeddedPostgresServer.hold(directory);
		}

		@Override
		public void destroy() {
			EmbeddedPostgresServer.release(this.directory);
		}

	}

}
