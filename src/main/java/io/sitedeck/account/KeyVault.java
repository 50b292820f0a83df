package io.sitedeck.account;

import io.sitedeck.platform.ConsoleConfig;
import io.sitedeck.platform.DataFolder;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Encrypts Domotz API keys at rest with AES-256-GCM. The master key comes from
 * {@code SITEDECK_MASTER_KEY} (base64 of 32 bytes); without it, the embedded default generates
 * {@code master.key} (mode 600) in the data folder and the console warns about it.
 */
@ApplicationScoped
public class KeyVault {

    private static final Logger LOG = Logger.getLogger(KeyVault.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    /**
     * One decrypting cipher per thread, initialised anew for each key read (a new nonce each time): making one per
     * call (the provider lookup, the AES key schedule) was ~12 KB of heap on every signed-in page that reads Domotz.
     */
    private final ThreadLocal<Cipher> decrypting = ThreadLocal.withInitial(KeyVault::aesGcm);
    private final SecretKeySpec key;
    private final boolean generated;

    KeyVault(@ConfigProperty(name = "sitedeck.master-key") Optional<String> masterKey, ConsoleConfig console) {
        if (masterKey.isPresent() && !masterKey.get().isBlank()) {
            this.key = new SecretKeySpec(decode(masterKey.get()), "AES");
            this.generated = false;
        } else {
            this.key = new SecretKeySpec(decode(DataFolder.secretFile(console.dataDir().resolve("master.key"), 32)), "AES");
            this.generated = true;
            LOG.warn("SITEDECK_MASTER_KEY is not set: API keys are encrypted with a generated key in the data "
                    + "folder. Set SITEDECK_MASTER_KEY in production.");
        }
    }

    /** True when the key was generated on this machine rather than given by SITEDECK_MASTER_KEY. */
    public boolean usesGeneratedKey() {
        return generated;
    }

    public String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = aesGcm();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM is not available", impossible);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = decrypting.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException wrongKey) {
            throw new IllegalStateException("A stored API key cannot be decrypted: was SITEDECK_MASTER_KEY changed?");
        }
    }

    private static Cipher aesGcm() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM is not available", impossible);
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("SITEDECK_MASTER_KEY must be base64 (e.g. openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("SITEDECK_MASTER_KEY must hold 32 bytes, it holds " + bytes.length);
        }
        return bytes;
    }

}
