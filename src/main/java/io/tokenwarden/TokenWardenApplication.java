package io.tokenwarden;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Token Warden: keeps agencies' Facebook and X publisher accounts connected. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TokenWardenApplication {

	public static void main(String[] args) {
		SpringApplication.run(TokenWardenApplication.class, args);
	}

}
