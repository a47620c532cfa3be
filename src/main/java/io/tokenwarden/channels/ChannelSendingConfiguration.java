package io.tokenwarden.channels;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;

/**
 * The channel sender job (a db-scheduler recurring task, like the notices'), its HTTP client (short
 * timeouts, no redirects: a redirect is an answer, never a second place to post to) and the
 * {@code tokenwarden.outbox.depth{outbox="channels"}} gauge, one count per scrape.
 */
@Configuration(proxyBeanMethods = false)
class ChannelSendingConfiguration {

	static final String TASK_NAME = "channel-sender";

	@Bean
	RestClient channelRestClient(RestClient.Builder builder, ChannelSettings settings) {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(settings.readTimeout());
		return builder.requestFactory(factory).build();
	}

	@Bean
	@ConditionalOnProperty(name = "tokenwarden.channels.scheduled-sending", havingValue = "true", matchIfMissing = true)
	RecurringTask<Void> channelSenderTask(ChannelSettings settings, ChannelSender sender) {
		return Tasks.recurring(TASK_NAME, FixedDelay.of(settings.pollInterval()))
			.execute((instance, context) -> sender.sendDue());
	}

	@Bean
	Gauge channelOutboxDepth(MeterRegistry registry, DeliveryOutbox outbox) {
		return Gauge.builder("tokenwarden.outbox.depth", outbox, DeliveryOutbox::waitingOrNaN)
			.tag("outbox", "channels")
			.description("Messages waiting to be sent (pending or retrying)")
			.register(registry);
	}

}
