package io.tokenwarden.database;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate checks every entity against the schema Flyway made (a mismatch fails this context), on
 * the real database: the slice keeps it instead of swapping in one of its own.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
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
