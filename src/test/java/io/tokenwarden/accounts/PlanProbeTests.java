package io.tokenwarden.accounts;

import io.tokenwarden.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

@Tag("benchmark")
class PlanProbeTests {

	@Test
	void probe() throws Exception {
		Path data = Path.of("target/benchmark/postgres");
		String url = EmbeddedPostgresServer.start(data, false);
		try {
			SingleConnectionDataSource ds = new SingleConnectionDataSource(url, "postgres", EmbeddedPostgresServer.password(data), true);
			JdbcClient jdbc = JdbcClient.create(ds);
			List<Long> ids = jdbc.sql("select account_id from agency_account_link where agency_id = 1 order by sort_name limit 50").query(Long.class).list();
			String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
			for (String sql : System.getProperty("probe.sql").split(";;")) {
				String q = sql.replace("IDS", in);
				System.out.println("SQL " + q);
				for (int i = 0; i < 3; i++) jdbc.sql("explain (analyze, buffers) " + q).query(String.class).list();
				jdbc.sql("explain (analyze, buffers) " + q).query(String.class).list().forEach(l -> System.out.println("PLAN " + l));
			}
			jdbc.sql("select relname, n_live_tup from pg_stat_user_tables order by n_live_tup desc limit 15").query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).list().forEach(l -> System.out.println("TABLE " + l));
			ds.destroy();
		}
		finally {
			EmbeddedPostgresServer.stop(data);
		}
	}

}
