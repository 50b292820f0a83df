package io.sitedeck.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
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
        byte[] otherMaster = new byte[32];
        Arrays.fill(otherMaster, (byte) 7);
        KeyVault other = new KeyVault(Optional.of(Base64.getEncoder().encodeToString(otherMaster)), null);
        assertThrows(IllegalStateException.class, () -> other.decrypt(sealed), "another master key");
        assertThrows(IllegalStateException.class, () -> vault.decrypt("not base64!"));
        assertEquals("key-0002", vault.decrypt(sealed), "the thread's cipher is still good after refusals");
    }

    @Test
    void threadsReadTheirKeysSideBySide() throws Exception {
        List<Callable<Boolean>> readers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            readers.add(() -> IntStream.range(0, 200).mapToObj(i -> "key-" + thread + "-" + i)
                    .allMatch(plain -> plain.equals(vault.decrypt(vault.encrypt(plain)))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Boolean> read : pool.invokeAll(readers)) {
                assertTrue(read.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
