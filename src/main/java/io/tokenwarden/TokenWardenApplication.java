package io.tokenwarden;

import io.tokenwarden.tokens.TokenCipher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Token Warden: keeps agencies' Facebook and X publisher accounts connected. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TokenWardenApplication {

	public static void main(String[] args) {
		if (args.length == 1 && "generate-keyset".equals(args[0])) {
			// for operators: a fresh key set for tokenwarden.encryption.keyset, without starting anything
			System.out.println(TokenCipher.generateKeyset());
			return;
		}
		SpringApplication.run(TokenWardenApplication.class, args);
	}

}
