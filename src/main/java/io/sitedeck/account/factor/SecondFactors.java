package io.sitedeck.account.factor;

import io.sitedeck.account.KeyVault;
import io.sitedeck.account.Person;
import io.sitedeck.shared.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A person's second factor: an authenticator app (TOTP, its secret sealed by the key vault) and ten
 * single-use recovery codes (stored as SHA-256, shown once). Runs in the caller's transaction; the
 * caller audits and throttles.
 */
@ApplicationScoped
public class SecondFactors {

    static final int RECOVERY_CODES = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    @Inject
    Clock clock;

    private final KeyVault vault;
    private final SecureRandom random = new SecureRandom();

    SecondFactors(KeyVault vault) {
        this.vault = vault;
    }

    /** The secret being enrolled: made once, kept (sealed) until its first code confirms it. */
    public String pendingSecret(Person person) {
        if (person.totpPendingSealed == null) {
            person.totpPendingSealed = vault.encrypt(Totp.newSecret());
        }
        return vault.decrypt(person.totpPendingSealed);
    }

    /** Confirms the enrolment with the app's first code; the new recovery codes, to be shown once. */
    public Optional<List<String>> confirm(Person person, String code) {
        if (person.totpPendingSealed == null) {
            return Optional.empty();
        }
        Optional<Long> step = Totp.accepted(vault.decrypt(person.totpPendingSealed), code, clock.instant(), null);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        person.totpSealed = person.totpPendingSealed;
        person.totpPendingSealed = null;
        person.totpLastStep = step.get();
        person.secondFactor = true;
        return Optional.of(newRecoveryCodes(person));
    }

    /** A code of the person's app, right now and not used before. */
    public boolean verify(Person person, String code) {
        if (person.totpSealed == null) {
            return false;
        }
        Optional<Long> step = Totp.accepted(vault.decrypt(person.totpSealed), code, clock.instant(), person.totpLastStep);
        step.ifPresent(accepted -> person.totpLastStep = accepted);
        return step.isPresent();
    }

    /** Uses up one recovery code, if it is one of the person's unused ones. */
    public boolean useRecoveryCode(Person person, String code) {
        String hash = Secrets.sha256Hex(normalise(code));
        Optional<RecoveryCode> match = RecoveryCode.<RecoveryCode>find("personId = ?1 and codeHash = ?2 and usedAt is null",
                person.id, hash).firstResultOptional();
        match.ifPresent(used -> used.usedAt = clock.instant());
        return match.isPresent();
    }

    public long recoveryCodesLeft(Person person) {
        return RecoveryCode.count("personId = ?1 and usedAt is null", person.id);
    }

    /** Ten new codes (the old ones stop working), to be shown once. */
    public List<String> newRecoveryCodes(Person person) {
        RecoveryCode.delete("personId", person.id);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = randomCode();
            RecoveryCode stored = new RecoveryCode();
            stored.personId = person.id;
            stored.codeHash = Secrets.sha256Hex(normalise(code));
            stored.persist();
            codes.add(code);
        }
        return codes;
    }

    /** Removes every factor (an admin's reset): the next sign-in is by password alone, or leads to enrolment. */
    public void reset(Person person) {
        person.totpSealed = null;
        person.totpPendingSealed = null;
        person.totpLastStep = null;
        person.secondFactor = false;
        RecoveryCode.delete("personId", person.id);
    }

    /** Ten characters in two groups (about 49 bits), without look-alike letters. */
    private String randomCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private static String normalise(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
