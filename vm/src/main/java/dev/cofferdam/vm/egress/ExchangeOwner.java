package dev.cofferdam.vm.egress;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpResponse;

/** The client side of one exchange, as the upstream relay sees it. Event-loop confined. */
interface ExchangeOwner {

    /** The exchange finished; the client connection may take the next request. */
    void done();

    /** Close the client once everything written is flushed. */
    void closeAfterFlush();

    /** Answer with the proxy's own response, then go on or close. */
    void respond(FullHttpResponse response, boolean close);

    /** The upstream channel of the current exchange (for back-pressure and cleanup). */
    void upstream(Channel ch);

    /**
     * Keeps a finished keep-alive upstream connection for this client connection's next request
     * to the same host, port and checked address (see {@link ParkedUpstream}); the default closes it.
     */
    default void park(Channel ch, String key) {
        ch.close();
    }
}
