package io.tokenwarden.tokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the key set comes from: {@code tokenwarden.encryption.keyset}; in the demo only, a key set
 * generated once under the data directory (mode 600). Outside the demo, no key set means no start.
 */
@Configuration(proxyBeanMethods = false)
class TokenCipherConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TokenCipherConfiguration.class);

	@Bean
	TokenCipher tokenCipher(EncryptionSettings settings,
			@Value("${tokenwarden.demo.enabled:false}") boolean demo,
			@Value("${tokenwarden.data-dir:./data}") Path dataDir) {
		if (StringUtils.hasText(settings.keyset())) {
			return new TokenCipher(settings.keyset());
		}
		if (!demo) {
			throw new IllegalStateException("tokenwarden.encryption.keyset (TOKENWARDEN_ENCRYPTION_KEYSET) is required: "
					+ "tokens are never stored in plaintext. See README, 'Encryption keys'.");
		}
		return new TokenCipher(demoKeyset(dataDir.resolve("demo-keyset.json")));
	}

	private static String demoKeyset(Path file) {
		try {
			if (Files.isRegularFile(file)) {
				return Files.readString(file, StandardCharsets.UTF_8);
			}
			Files.createDirectories(file.getParent());
			String keyset = TokenCipher.generateKeyset();
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(file, keyset, StandardCharsets.UTF_8);
			log.info("Generated the demo's token key set in {}", file);
			return keyset;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read or write the demo key set " + file, ex);
		}
	}

}
