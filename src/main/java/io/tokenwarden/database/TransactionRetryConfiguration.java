package io.tokenwarden.database;

import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * In the scheduled jobs, a transaction that fails on a deadlock or a serialization failure runs again
 * (at most 3 times): around every {@code @Transactional} method a job calls outside a transaction, and
 * around each db-scheduler task execution, for the transactions a job runs by other means.
 */
@Configuration(proxyBeanMethods = false)
class TransactionRetryConfiguration {

	/** Outside the transaction advisor (lowest precedence), so that each attempt is a transaction of its own. */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor scheduledJobTransactionRetry() {
		ComposablePointcut transactional = new ComposablePointcut(new AnnotationMatchingPointcut(Transactional.class, true))
			.union(AnnotationMatchingPointcut.forMethodAnnotation(Transactional.class));
		MethodInterceptor retry = invocation -> {
			if (!ScheduledJobs.isRunning() || TransactionSynchronizationManager.isActualTransactionActive()
					|| !(invocation instanceof ProxyMethodInvocation proxied)) {
				return invocation.proceed();
			}
			try {
				return TransactionRetry.run(invocation.getMethod().getDeclaringClass().getSimpleName() + "."
						+ invocation.getMethod().getName(), () -> {
							try {
								return proxied.invocableClone().proceed();
							}
							catch (RuntimeException | Error ex) {
								throw ex;
							}
							catch (Throwable ex) {
								throw new CheckedFailure(ex);
							}
						});
			}
			catch (CheckedFailure ex) {
				throw ex.getCause();
			}
		};
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(transactional, retry);
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return advisor;
	}

	/** A checked exception of the method, carried through the retry unchanged. */
	private static final class CheckedFailure extends RuntimeException {

		CheckedFailure(Throwable cause) {
			super(cause);
		}

	}

	/** Every db-scheduler task runs as a scheduled job, and runs again when it failed on a conflict. */
	@Bean
	ExecutionInterceptor scheduledJobs() {
		return (instance, context, chain) -> ScheduledJobs.run(() -> TransactionRetry.run(
				"Scheduled task " + instance.getTaskName(), () -> chain.proceed(instance, context)));
	}

}
