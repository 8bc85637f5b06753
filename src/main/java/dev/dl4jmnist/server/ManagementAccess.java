package dev.dl4jmnist.server;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may load and unload models: clients on loopback only, unless a token is configured; then any client that
 * sends it as {@code Authorization: Bearer TOKEN} (and no other).
 */
final class ManagementAccess {
    private final byte[] token;

    /** @param token null or empty: loopback clients only */
    ManagementAccess(String token) {
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    void check(Context ctx) {
        check(ctx, "the model repository endpoints");
    }

    /** As {@link #check(Context)}, naming {@code endpoints} in the refusal. */
    void check(Context ctx, String endpoints) {
        if (token != null) {
            String header = ctx.header("Authorization");
            byte[] given = header != null && header.startsWith("Bearer ")
                    ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
            if (!MessageDigest.isEqual(given, token)) {
                throw new ApiException(403, endpoints + " need the management token: send 'Authorization: Bearer TOKEN'");
            }
            return;
        }
        if (!isLoopback(ctx.req().getRemoteAddr())) {
            throw new ApiException(403, endpoints + " answer clients on this machine only"
                    + " (configure a management token to allow others)");
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
