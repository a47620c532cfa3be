package io.tokenwarden.tokens;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tokenwarden.encryption.keyset}: a Tink key set in JSON (or that JSON in base64). Required
 * outside the demo; the demo generates one under the data directory.
 */
@ConfigurationProperties("tokenwarden.encryption")
public record EncryptionSettings(String keyset) {
}
