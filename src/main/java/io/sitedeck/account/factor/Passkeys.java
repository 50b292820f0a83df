package io.sitedeck.account.factor;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import io.sitedeck.account.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Passkeys (WebAuthn, checked by webauthn4j): the options a browser's {@code navigator.credentials}
 * needs, registration, and assertion for a second factor or a sign-in without a password. Every
 * ceremony's challenge is a single-use row found again through the signed client data; origin and
 * relying party are the console's own. Runs in the caller's transaction.
 */
@ApplicationScoped
public class Passkeys {

    static final String REGISTER = "register";
    static final String FACTOR = "factor";
    static final String SIGN_IN = "sign-in";
    private static final Duration CHALLENGE_LIFE = Duration.ofMinutes(5);
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    @Inject
    Clock clock;

    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
    private final AttestedCredentialDataConverter credentials = new AttestedCredentialDataConverter(new ObjectConverter());
    private final SecureRandom random = new SecureRandom();

    /** Where the ceremony happens: the console's origin and its host as the relying party id. */
    public record Site(String origin, String rpId) {}

    /** A passkey that did not check out; the message is Sitedeck's own. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Options for {@code PublicKeyCredential.parseCreationOptionsFromJSON}. */
    public Map<String, Object> registrationOptions(Person person, Site site) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", newChallenge(person.id, REGISTER));
        options.put("rp", Map.of("id", site.rpId(), "name", "Sitedeck"));
        options.put("user", Map.of("id", b64(ByteBuffer.allocate(8).putLong(person.id).array()), "name", person.email,
                "displayName", person.email));
        options.put("pubKeyCredParams", List.of(Map.of("type", "public-key", "alg", -7), Map.of("type", "public-key", "alg", -257)));
        options.put("timeout", 120_000);
        options.put("attestation", "none");
        options.put("authenticatorSelection", Map.of("residentKey", "preferred", "userVerification", "preferred"));
        options.put("excludeCredentials", keysOf(person.id));
        return options;
    }

    /** Checks the browser's answer to {@link #registrationOptions} and keeps the new passkey. */
    public Passkey register(Person person, String responseJson, Site site, String name) {
        try {
            RegistrationData data = webAuthn.parseRegistrationResponseJSON(responseJson);
            byte[] challenge = data.getCollectedClientData().getChallenge().getValue();
            claim(challenge, person.id, REGISTER);
            webAuthn.verify(data, new RegistrationParameters(server(site, challenge), ALGORITHMS, false, true));
            AttestedCredentialData credential = data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
            Passkey passkey = new Passkey();
            passkey.personId = person.id;
            passkey.credentialId = b64(credential.getCredentialId());
            passkey.credentialData = b64(credentials.convert(credential));
            passkey.signCount = data.getAttestationObject().getAuthenticatorData().getSignCount();
            passkey.name = name == null || name.isBlank() ? "Passkey" : name.strip().substring(0, Math.min(80, name.strip().length()));
            passkey.createdAt = clock.instant();
            passkey.persist();
            person.secondFactor = true;
            return passkey;
        } catch (DataConversionException | VerificationException | IllegalArgumentException | NullPointerException bad) {
            throw new Refused("This passkey could not be checked: try again.");
        }
    }

    /** Options for {@code PublicKeyCredential.parseRequestOptionsFromJSON}: the person's passkeys, or any (sign-in). */
    public Map<String, Object> assertionOptions(Long personId, String purpose, Site site) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", newChallenge(personId, purpose));
        options.put("rpId", site.rpId());
        options.put("timeout", 120_000);
        options.put("userVerification", SIGN_IN.equals(purpose) ? "required" : "preferred");
        options.put("allowCredentials", personId == null ? List.of() : keysOf(personId));
        return options;
    }

    /**
     * The person whose passkey signed the challenge of {@link #assertionOptions}; for a second factor it
     * must be {@code expectedPerson}'s. A sign-in without a password also needs the authenticator to
     * have verified the user (PIN or biometrics), so the passkey alone is not enough.
     */
    public Person assertion(String responseJson, Site site, String purpose, Long expectedPerson) {
        try {
            AuthenticationData data = webAuthn.parseAuthenticationResponseJSON(responseJson);
            byte[] challenge = data.getCollectedClientData().getChallenge().getValue();
            claim(challenge, expectedPerson, purpose);
            Passkey passkey = Passkey.<Passkey>find("credentialId", b64(data.getCredentialId())).firstResultOptional()
                    .filter(key -> expectedPerson == null || key.personId.equals(expectedPerson))
                    .orElseThrow(() -> new Refused("This passkey is not known here."));
            CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
                    passkey.signCount, credentials.convert(Base64.getUrlDecoder().decode(passkey.credentialData)), null,
                    null, null, null);
            webAuthn.verify(data, new AuthenticationParameters(server(site, challenge), record,
                    List.of(data.getCredentialId()), SIGN_IN.equals(purpose), true));
            passkey.signCount = data.getAuthenticatorData().getSignCount();
            passkey.lastUsedAt = clock.instant();
            return Person.findById(passkey.personId);
        } catch (DataConversionException | VerificationException | IllegalArgumentException | NullPointerException bad) {
            throw new Refused("This passkey could not be checked: try again.");
        }
    }

    public List<Passkey> of(Person person) {
        return Passkey.list("personId = ?1 order by createdAt", person.id);
    }

    private List<Map<String, Object>> keysOf(long personId) {
        return Passkey.<Passkey>list("personId", personId).stream()
                .map(key -> Map.<String, Object>of("type", "public-key", "id", key.credentialId)).toList();
    }

    private String newChallenge(Long personId, String purpose) {
        WebAuthnChallenge.delete("expiresAt < ?1", clock.instant());
        byte[] value = new byte[32];
        random.nextBytes(value);
        WebAuthnChallenge challenge = new WebAuthnChallenge();
        challenge.challenge = b64(value);
        challenge.personId = personId;
        challenge.purpose = purpose;
        challenge.expiresAt = clock.instant().plus(CHALLENGE_LIFE);
        challenge.persist();
        return challenge.challenge;
    }

    /** Uses up the challenge: it must be unexpired, for this purpose and (if given) this person. */
    private void claim(byte[] value, Long personId, String purpose) {
        WebAuthnChallenge challenge = WebAuthnChallenge.findById(b64(value));
        if (challenge == null || challenge.expiresAt.isBefore(clock.instant()) || !challenge.purpose.equals(purpose)
                || personId != null && !personId.equals(challenge.personId)) {
            throw new Refused("This passkey request has expired: try again.");
        }
        challenge.delete();
    }

    private static ServerProperty server(Site site, byte[] challenge) {
        return new ServerProperty(new Origin(site.origin()), site.rpId(), new DefaultChallenge(challenge));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
