package com.justelegance.privacy.console.centre;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A signed-in shopper's session on the preferences page: the customer's subject id and when the session ends, sealed
 * with AES-GCM in an HTTP-only, same-site strict cookie on {@code /privacy-centre}. The console keeps no session
 * store; a cookie that was altered, sealed with another key, or is past its end reads as signed out. The key is
 * derived (SHA-256) from {@code console.centre.session-key}; sessions last {@code console.centre.session-lifetime}.
 */
@ApplicationScoped
public class ShopperSessions {

    /** The cookie's name. */
    public static final String COOKIE = "centre-session";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    public ShopperSessions(@ConfigProperty(name = "console.centre.session-key") String secret,
                           @ConfigProperty(name = "console.centre.session-lifetime") Duration lifetime) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("console.centre.session-key (CONSOLE_CENTRE_SESSION_KEY) must be set, "
                    + "at least 32 characters");
        }
        try {
            this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.lifetime = lifetime;
    }

    /**
     * A cookie that signs the shopper in as this subject.
     *
     * @param secure the page was served over TLS (directly, or behind a proxy that says so): the cookie is then
     *               marked Secure, so the browser never sends it over plain HTTP
     */
    public NewCookie start(String subjectId, boolean secure) {
        String content = subjectId + "\n" + clock.instant().plus(lifetime).getEpochSecond();
        return cookie(seal(content), (int) lifetime.toSeconds(), secure);
    }

    /** A cookie that ends the session. */
    public NewCookie end(boolean secure) {
        return cookie("", 0, secure);
    }

    /** The subject the cookie signs in, if it is genuine and not past its end. */
    public Optional<String> subjectOf(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return Optional.empty();
        }
        try {
            String content = open(cookieValue);
            int newline = content.indexOf('\n');
            Instant endsAt = Instant.ofEpochSecond(Long.parseLong(content.substring(newline + 1)));
            return clock.instant().isBefore(endsAt) ? Optional.of(content.substring(0, newline)) : Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
            // Altered, sealed with another key, or not ours: signed out.
            return Optional.empty();
        }
    }

    private String seal(String content) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(content.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, all, 0, iv.length);
            System.arraycopy(sealed, 0, all, iv.length, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private String open(String value) throws GeneralSecurityException {
        byte[] all = Base64.getUrlDecoder().decode(value);
        if (all.length <= IV_BYTES) {
            throw new IllegalArgumentException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
        return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    }

    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(value).path("/privacy-centre").maxAge(maxAge).httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
