package io.sitedeck.notifications;

import io.sitedeck.account.KeyVault;
import io.sitedeck.outbound.GuardedPost;
import io.sitedeck.outbound.OutboundGuard;
import io.sitedeck.shared.BadInput;
import io.sitedeck.shared.Recipients;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * What a channel's target and secret are, checked when saved (addresses, or an https URL the outbound guard allows)
 * and kept encrypted; decrypted only to send. The guard checks the URL again at every send (a name can come to
 * resolve inward later).
 */
@ApplicationScoped
public class Channels {

    private final KeyVault vault;
    private final OutboundGuard guard;
    private final GuardedPost post;

    Channels(KeyVault vault, NotificationsConfig config) {
        this.vault = vault;
        this.guard = new OutboundGuard(config.allowedHosts(), OutboundGuard.SYSTEM, "sitedeck.notifications.allowed-hosts");
        this.post = new GuardedPost(guard, config.timeout());
    }

    /** Fills a new channel's target, hint and secret from the form; {@link BadInput} says what is wrong. */
    void configure(NotificationChannel channel, String target, String secret) {
        String text = target == null ? "" : target.strip();
        if (channel.kind == ChannelKind.EMAIL) {
            List<String> addresses = Recipients.parse(text, 20);
            channel.targetCiphertext = vault.encrypt(String.join(",", addresses));
            channel.targetHint = Texts.maskEmails(addresses);
            return;
        }
        URI url = url(text);
        try {
            guard.check(url);
        } catch (OutboundGuard.Refused refused) {
            throw new BadInput(refused.getMessage());
        }
        channel.targetCiphertext = vault.encrypt(url.toString());
        channel.targetHint = Texts.maskUrl(url);
        if (channel.kind == ChannelKind.WEBHOOK) {
            String key = secret == null ? "" : secret.strip();
            if (key.length() < 16 || key.length() > 200) {
                throw new BadInput("The signing secret is 16 to 200 characters; the receiver checks signatures with it.");
            }
            channel.secretCiphertext = vault.encrypt(key);
        }
    }

    List<String> recipients(NotificationChannel channel) {
        return List.of(vault.decrypt(channel.targetCiphertext).split(","));
    }

    URI url(NotificationChannel channel) {
        return URI.create(vault.decrypt(channel.targetCiphertext));
    }

    String secret(NotificationChannel channel) {
        return vault.decrypt(channel.secretCiphertext);
    }

    GuardedPost post() {
        return post;
    }

    private static URI url(String text) {
        try {
            URI url = new URI(text);
            if (!url.isAbsolute() || url.getHost() == null || text.length() > 2000) {
                throw new BadInput("The webhook URL is an absolute https:// URL (at most 2,000 characters).");
            }
            return url;
        } catch (URISyntaxException unreadable) {
            throw new BadInput("The webhook URL is an absolute https:// URL (at most 2,000 characters).");
        }
    }
}
