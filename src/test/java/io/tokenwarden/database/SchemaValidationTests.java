package io.tokenwarden.database;

import io.tokenwarden.testsupport.DemoConsoleTest;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate checks every entity against the schema Flyway made (a mismatch fails this context), on
 * the real database. The shared console context does it as it starts, so no slice of its own is needed.
 */
@DemoConsoleTest
class SchemaValidationTests {

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void hibernateWhenStartedThenItValidatedEveryEntityAgainstTheFlywaySchema() {
		assertThat(this.entityManagerFactory.getProperties()).containsEntry("hibernate.hbm2ddl.auto", "validate");
		assertThat(this.entityManagerFactory.getMetamodel().getEntities()).extracting(EntityType::getName)
			.contains("PublisherAccount", "AccountToken");
	}

}
