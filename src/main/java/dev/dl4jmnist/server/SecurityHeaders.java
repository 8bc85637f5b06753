package dev.dl4jmnist.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.function.BooleanSupplier;

/**
 * Headers on every answer, the page's files, the APIs' JSON and the errors alike: no content-type sniffing, and a
 * Content-Security-Policy that lets the page load only its own files (and the data: picture of what the model saw).
 * While the server drains, every answer also closes its connection, so that clients reconnect, through a load
 * balancer, to another replica.
 */
final class SecurityHeaders extends Handler.Wrapper {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final BooleanSupplier draining;

    SecurityHeaders(Handler inner, BooleanSupplier draining) {
        super(inner);
        this.draining = draining;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        if (draining.getAsBoolean()) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        return super.handle(request, response, callback);
    }
}
