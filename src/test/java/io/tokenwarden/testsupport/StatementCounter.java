package io.tokenwarden.testsupport;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the SQL statements the application prepares or executes, through a data source proxy. */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	private static final AtomicLong COUNT = new AtomicLong();

	/** The SQL prepared on this thread while {@link #recording} runs its work; null when not recording. */
	private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();

	public static long count() {
		return COUNT.get();
	}

	/** Work to record, such as a MockMvc request (which runs on the test's thread). */
	public interface Work {

		void run() throws Exception;

	}

	/** The SQL of every statement the work prepared on the calling thread, in order. */
	public static List<String> recording(Work work) throws Exception {
		List<String> recorded = new ArrayList<>();
		RECORDED.set(recorded);
		try {
			work.run();
		}
		finally {
			RECORDED.remove();
		}
		return recorded;
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource) {
					return proxy(DataSource.class, dataSource, (target, method, args) -> {
						Object result = invoke(target, method, args);
						return result instanceof Connection connection ? countingConnection(connection) : result;
					});
				}
				return bean;
			}
		};
	}

	private static Connection countingConnection(Connection connection) {
		return proxy(Connection.class, connection, (target, method, args) -> {
			String name = method.getName();
			if (name.equals("prepareStatement") || name.equals("prepareCall")) {
				COUNT.incrementAndGet();
				List<String> recorded = RECORDED.get();
				if (recorded != null && args != null && args.length > 0 && args[0] instanceof String sql) {
					recorded.add(sql);
				}
			}
			if (name.equals("createStatement")) {
				COUNT.incrementAndGet();
			}
			return invoke(target, method, args);
		});
	}

	private interface Handler<T> {

		Object handle(T target, java.lang.reflect.Method method, Object[] args) throws Throwable;

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
		InvocationHandler invocation = (p, method, args) -> {
			if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
				return invoke(target, method, args);
			}
			return handler.handle(target, method, args);
		};
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, invocation);
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
