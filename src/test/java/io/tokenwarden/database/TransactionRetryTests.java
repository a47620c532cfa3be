package io.tokenwarden.database;

import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A scheduled job's transaction that PostgreSQL picks as a deadlock's victim runs again and succeeds;
 * retried at most 3 times; a request's transaction is not retried (it answers with the failure).
 */
class TransactionRetryTests {

	private DataSource database;

	private Rows rows;

	/** The proxy's target, whose count the proxy (a subclass without state) does not carry. */
	private Rows target;

	@BeforeEach
	void twoRows() {
		this.database = ScratchDatabases.create();
		JdbcClient.create(this.database).sql("create table probe (id int primary key, n int not null)").update();
		JdbcClient.create(this.database).sql("insert into probe values (1, 0), (2, 0)").update();
		this.target = new Rows(this.database);
		this.rows = proxy(this.target);
	}

	@Test
	void deadlockWhenInAScheduledJobThenTheLosingTransactionRunsAgainAndBothSucceed() throws Exception {
		CountDownLatch bothHoldOne = new CountDownLatch(2);

		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> ScheduledJobs.run(() -> this.rows.bump(1, 2, bothHoldOne)));
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> ScheduledJobs.run(() -> this.rows.bump(2, 1, bothHoldOne)));
		CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);

		assertThat(this.target.attempts).as("one of the two ran twice").hasValue(3);
		assertThat(JdbcClient.create(this.database).sql("select n from probe order by id").query(Integer.class).list())
			.containsExactly(2, 2);
	}

	@Test
	void deadlockWhenNotInAScheduledJobThenNotRetried() {
		CountDownLatch bothHoldOne = new CountDownLatch(2);

		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> this.rows.bump(1, 2, bothHoldOne));
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> this.rows.bump(2, 1, bothHoldOne));

		assertThatExceptionOfType(Exception.class).isThrownBy(() -> CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS))
			.withRootCauseInstanceOf(SQLException.class);
		assertThat(this.target.attempts).hasValue(2);
	}

	@Test
	void conflictWhenItKeepsHappeningThenGivenUpAfterThreeRetries() {
		assertThatExceptionOfType(PessimisticLockingFailureException.class)
			.isThrownBy(() -> ScheduledJobs.run(() -> this.rows.alwaysLoses()));
		assertThat(this.target.attempts).hasValue(1 + 3);
	}

	@Test
	void scheduledTaskWhenItFailsOnADeadlockThenRunsAgain() {
		AtomicInteger runs = new AtomicInteger();
		CompletionHandler<Object> done = (complete, operations) -> {
		};
		ExecutionChain chain = new ExecutionChain(List.of(), (instance, context) -> {
			if (runs.incrementAndGet() < 3) {
				throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
			}
			return done;
		});

		CompletionHandler<?> result = new TransactionRetryConfiguration().scheduledJobs()
			.execute(new TaskInstance<>("notice-sender", "recurring"), null, chain);

		assertThat(result).isSameAs(done);
		assertThat(runs).hasValue(3);
	}

	/** The transaction advisor and the retry advisor, as the application context applies them. */
	private Rows proxy(Rows target) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvisor((DefaultPointcutAdvisor) TransactionRetryConfiguration.scheduledJobTransactionRetry());
		factory.addAdvice(new TransactionInterceptor(new DataSourceTransactionManager(this.database),
				new AnnotationTransactionAttributeSource()));
		return (Rows) factory.getProxy();
	}

	/** Two rows, locked in the order given. */
	static class Rows {

		final AtomicInteger attempts = new AtomicInteger();

		private final JdbcClient jdbc;

		Rows(DataSource database) {
			this.jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy(database));
		}

		@Transactional
		public Void bump(int first, int second, CountDownLatch bothHoldOne) {
			this.attempts.incrementAndGet();
			this.jdbc.sql("update probe set n = n + 1 where id = ?").param(first).update();
			bothHoldOne.countDown();
			try {
				bothHoldOne.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.jdbc.sql("update probe set n = n + 1 where id = ?").param(second).update();
			return null;
		}

		@Transactional
		public Void alwaysLoses() {
			this.attempts.incrementAndGet();
			throw new PessimisticLockingFailureException("deadlock detected");
		}

	}

}
