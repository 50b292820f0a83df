package io.sitedeck.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** API keys at rest: AES-GCM with a fresh nonce each time, and one reused decrypting cipher per thread. */
class KeyVaultTest {

    private static final String MASTER = Base64.getEncoder().encodeToString(new byte[32]);

    private final KeyVault vault = new KeyVault(Optional.of(MASTER), null);

    @Test
    void eachKeyReadsBackAndNoTwoSealsAreAlike() {
        String sealed = vault.encrypt("key-0001");
        assertNotEquals(sealed, vault.encrypt("key-0001"), "a fresh nonce each time");
        for (int i = 0; i < 50; i++) {
            String plain = "key-" + i + "-ünïcode";
            assertEquals(plain, vault.decrypt(vault.encrypt(plain)));
        }
        assertEquals("key-0001", vault.decrypt(sealed));
    }

    @Test
    void aTamperedOrForeignSealIsRefusedAndTheNextReadStillWorks() {
        String sealed = vault.encrypt("key-0002");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(bytes);
        assertThrows(IllegalStateException.class, () -> vault.decrypt(tampered));
        KeyVault other = new KeyVault(Optional.of(Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
            31, 32})), null);
        assertThrows(IllegalStateException.class, () -> other.decrypt(sealed), "another master key");
        assertThrows(IllegalStateException.class, () -> vault.decrypt("not base64!"));
        assertEquals("key-0002", vault.decrypt(sealed), "the thread's cipher is still good after refusals");
    }

    @Test
    void threadsReadTheirKeysSideBySide() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> reads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                reads.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        String plain = "key-" + thread + "-" + i;
                        if (!plain.equals(vault.decrypt(vault.encrypt(plain)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> read : reads) {
                assertEquals(true, read.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
