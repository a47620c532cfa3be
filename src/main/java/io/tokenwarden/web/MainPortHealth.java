package io.tokenwarden.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Set;

/**
 * {@code /actuator/health} with its liveness and readiness groups on the main port as well, for load
 * balancers and orchestrators that only reach that port, while the rest of the actuator (Prometheus)
 * sits on the management port. Status only, as {@code show-details=never} has it there.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class MainPortHealth {

	private static final Set<String> GROUPS = Set.of("liveness", "readiness");

	private final HealthEndpoint health;

	private final HttpCodeStatusMapper statusCodes;

	MainPortHealth(HealthEndpoint health, ObjectProvider<HttpCodeStatusMapper> statusCodes) {
		this.health = health;
		this.statusCodes = statusCodes.getIfAvailable(() -> HttpCodeStatusMapper.DEFAULT);
	}

	@GetMapping("/actuator/health")
	ResponseEntity<Map<String, String>> health() {
		return answer(this.health.health());
	}

	@GetMapping("/actuator/health/{group}")
	ResponseEntity<Map<String, String>> group(@PathVariable String group) {
		HealthDescriptor descriptor = GROUPS.contains(group) ? this.health.healthForPath(group) : null;
		return descriptor == null ? ResponseEntity.notFound().build() : answer(descriptor);
	}

	private ResponseEntity<Map<String, String>> answer(HealthDescriptor descriptor) {
		return ResponseEntity.status(this.statusCodes.getStatusCode(descriptor.getStatus()))
			.body(Map.of("status", descriptor.getStatus().getCode()));
	}

}
