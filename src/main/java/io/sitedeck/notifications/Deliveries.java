package io.sitedeck.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends one rendered message through one channel: e-mail through the Quarkus mailer, or a POST through the guarded
 * client. Every message carries its idempotency key (e-mail: a header; webhooks: {@code Idempotency-Key}); a generic
 * webhook's body is signed: {@code X-Sitedeck-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">} with the
 * channel's secret, {@code X-Sitedeck-Timestamp} in seconds, so a receiver can check both and refuse old replays.
 */
@ApplicationScoped
public class Deliveries {

    static final String SIGNATURE = "X-Sitedeck-Signature";
    static final String TIMESTAMP = "X-Sitedeck-Timestamp";
    static final String IDEMPOTENCY = "Idempotency-Key";

    @Inject
    Clock clock;

    private final Channels channels;
    private final Mailer mailer;
    private final ObjectMapper json;

    Deliveries(Channels channels, Mailer mailer, ObjectMapper json) {
        this.channels = channels;
        this.mailer = mailer;
        this.json = json;
    }

    void send(NotificationChannel channel, Rendered message) {
        switch (channel.kind) {
            case EMAIL -> {
                List<String> to = channels.recipients(channel);
                Mail mail = Mail.withText(to.get(0), message.title(), message.text());
                mail.setTo(to);
                mail.addHeader("X-Sitedeck-Idempotency-Key", message.idempotencyKey());
                mailer.send(mail);
            }
            case TEAMS -> channels.post().post(channels.url(channel), "application/json", message.teams(json),
                    Map.of(IDEMPOTENCY, message.idempotencyKey()));
            case SLACK -> channels.post().post(channels.url(channel), "application/json", message.slack(json),
                    Map.of(IDEMPOTENCY, message.idempotencyKey()));
            case WEBHOOK -> {
                String body = message.webhook(json);
                String timestamp = String.valueOf(clock.instant().getEpochSecond());
                channels.post().post(channels.url(channel), "application/json", body, Map.of(IDEMPOTENCY,
                        message.idempotencyKey(), TIMESTAMP, timestamp, SIGNATURE, "sha256=" + sign(channels.secret(channel),
                                timestamp + "." + body)));
            }
        }
    }

    static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
