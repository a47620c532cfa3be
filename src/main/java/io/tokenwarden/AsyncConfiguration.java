package io.tokenwarden;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/** Work that follows a commit (sending a revocation, say) runs on Boot's task executor, not the request thread. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {
}
