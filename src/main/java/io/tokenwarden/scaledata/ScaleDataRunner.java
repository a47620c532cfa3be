package io.tokenwarden.scaledata;

import io.tokenwarden.tokens.TokenCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * Fills the database with benchmark data when {@code tokenwarden.scale-data.accounts} is set, before the
 * web server opens its port and before the demo would seed (lifecycle phase -100 &lt; the demo's 0), then
 * either keeps serving or, once the application has started, exits.
 */
@Component
@ConditionalOnProperty(prefix = "tokenwarden.scale-data", name = "accounts")
class ScaleDataRunner implements SmartLifecycle, ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ScaleDataRunner.class);

	private final ScaleDataSettings settings;

	private final ScaleDataGenerator generator;

	private final ApplicationContext context;

	ScaleDataRunner(ScaleDataSettings settings, JdbcClient jdbc, TransactionTemplate transactions, TokenCipher cipher,
			PasswordEncoder passwordEncoder, Clock clock, ApplicationContext context) {
		this.settings = settings;
		this.generator = new ScaleDataGenerator(jdbc, transactions, cipher, passwordEncoder, clock);
		this.context = context;
	}

	private volatile boolean running;

	@Override
	public void start() {
		ScaleDataGenerator.ScaleDataResult result = this.generator.fill(this.settings.accounts(), this.settings.agencyCount(),
				this.settings.password());
		log.info("{}; sign in as {}", result, ScaleDataGenerator.BENCH_USER);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return -100;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.settings.exit()) {
			// asked for data only: stop here, with the context closed cleanly
			System.exit(SpringApplication.exit(this.context));
		}
	}

}
