package io.tokenwarden.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The status API's OpenAPI document (springdoc): its title and its bearer-token security. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI statusApi() {
		return new OpenAPI()
			.info(new Info().title("Token Warden status API").version("v1")
				.description("Read-only status of the publisher accounts of one agency. Personal API tokens from "
						+ "/account/api-tokens, sent as Authorization: Bearer <token>. Errors are RFC 9457 problems."))
			.components(new Components().addSecuritySchemes("apiToken",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("apiToken"));
	}

}
