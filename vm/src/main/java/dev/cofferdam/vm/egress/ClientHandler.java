package dev.cofferdam.vm.egress;

import dev.cofferdam.vm.policy.Decision;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection of a listener. Takes complete requests one at a time (pipelined ones
 * wait), rejects malformed ones, and hands each to an {@link HttpExchange} or a
 * {@link ConnectTunnel}. Closes connections that do not deliver a request head in time.
 * Event-loop confined.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter implements ExchangeOwner {
    private static final Logger LOG = LoggerFactory.getLogger(ClientHandler.class);

    private final ProxyContext pc;
    private final Gate gate;
    private final HeadGuard guard;
    private final Deque<FullHttpRequest> pending = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private boolean busy;
    private boolean closing;
    private ScheduledFuture<?> deadline;
    private Channel upstream;
    private Channel parked;
    private String parkedKey;
    private final InterceptScope intercept;

    ClientHandler(ProxyContext pc, HeadGuard guard) {
        this(pc, guard, null);
    }

    /** A handler for requests inside an intercepted TLS tunnel (credential hosts only). */
    ClientHandler(ProxyContext pc, HeadGuard guard, InterceptScope intercept) {
        this.pc = pc;
        this.gate = new Gate(pc);
        this.guard = guard;
        this.intercept = intercept;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext c) {
        this.ctx = c;
        if (intercept != null) {
            arm();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext c) {
        arm();
        c.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext c, Object msg) {
        if (!(msg instanceof FullHttpRequest) || closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        FullHttpRequest req = (FullHttpRequest) msg;
        if (busy) {
            pending.add(req);
        } else {
            start(req);
        }
    }

    private void start(FullHttpRequest req) {
        busy = true;
        disarm();
        ctx.channel().config().setAutoRead(false);
        try {
            DecoderResult r = req.decoderResult();
            if (r.isFailure()) {
                Throwable cause = r.cause();
                int status = cause instanceof TooLongHttpHeaderException ? 431
                        : cause instanceof TooLongHttpLineException ? 414
                        : cause instanceof BodyLimitAggregator.BodyTooLargeException ? 413 : 400;
                String what = cause instanceof SmugglingException ? "ambiguous request framing (smuggling): "
                        : "malformed request: ";
                reject(req.method().name(), status, what + cause.getMessage(), true);
            } else if (intercept != null) {
                dropParked();
                new InterceptedExchange(this, pc, gate, ctx, intercept).start(req);
            } else if (HttpMethod.CONNECT.equals(req.method())) {
                dropParked();
                new ConnectTunnel(this, pc, gate, ctx).start(req);
            } else {
                new HttpExchange(this, pc, gate, ctx).start(req);
            }
        } finally {
            req.release();
        }
    }

    /** Logs a deny for a request refused before any policy decision and answers it. */
    void reject(String method, int status, String reason, boolean close) {
        String client = client();
        Decision d = Decision.deny("malformed", reason);
        pc.blocking().execute(() -> {
            Gate.Outcome o = gate.log(new Gate.Outcome(d, null, status, reason, null),
                    gate.draft(client, method, "", 0, "", "", d, status));
            ctx.executor().execute(() -> respond(Responses.text(o.status(), o.message(), true), close));
        });
    }

    /** Writes a response of the proxy's own and goes on (or closes). */
    @Override
    public void respond(FullHttpResponse response, boolean close) {
        if (!ctx.channel().isActive()) {
            response.release();
            return;
        }
        if (close) {
            closing = true;
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response);
            done();
        }
    }

    /** The current exchange finished and the connection can take the next request. */
    @Override
    public void done() {
        busy = false;
        upstream = null;
        if (closing || !ctx.channel().isActive()) {
            return;
        }
        FullHttpRequest next = pending.poll();
        if (next != null) {
            // A later task, not a nested call: decisions made on the event loop finish inside start(),
            // and thousands of pipelined requests must not recurse.
            busy = true;
            ctx.executor().execute(() -> {
                if (closing || !ctx.channel().isActive()) {
                    next.release();
                } else {
                    start(next);
                }
            });
        } else {
            ctx.channel().config().setAutoRead(true);
            arm();
        }
    }

    /** Closes the client connection once everything written is flushed. */
    @Override
    public void closeAfterFlush() {
        closing = true;
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void upstream(Channel ch) {
        this.upstream = ch;
    }

    @Override
    public void park(Channel ch, String key) {
        if (parked != null && parked != ch) {
            parked.close();
        }
        if (closing || !ctx.channel().isActive()) {
            ch.close();
            parked = null;
            parkedKey = null;
            return;
        }
        ch.config().setAutoRead(true);
        ParkedUpstream.park(ch, key);
        parked = ch;
        parkedKey = key;
    }

    /** @return the reuse key of the parked upstream connection, or {@code null} */
    String parkedKey() {
        return parkedKey;
    }

    /** @return the parked upstream connection for {@code key}, now taken, or {@code null} */
    Channel takeParked(String key) {
        Channel ch = parked;
        parked = null;
        parkedKey = null;
        if (ParkedUpstream.take(ch, key)) {
            return ch;
        }
        if (ch != null) {
            ch.close();
        }
        return null;
    }

    private void dropParked() {
        if (parked != null) {
            parked.close();
            parked = null;
            parkedKey = null;
        }
    }

    String client() {
        return String.valueOf(ctx.channel().remoteAddress()).replaceFirst("^/", "");
    }

    private void arm() {
        disarm();
        long ms = pc.settings().requestTimeout().toMillis();
        deadline = ctx.executor().schedule(this::timeout, ms, TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void timeout() {
        if (busy || closing || !ctx.channel().isActive()) {
            return;
        }
        if (guard.partial()) {
            busy = true;
            reject("", 408, "no complete request head within " + pc.settings().requestTimeout().toMillis()
                    + " ms (slow client)", true);
        } else {
            closing = true;
            ctx.close();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext c) {
        if (upstream != null) {
            upstream.config().setAutoRead(c.channel().isWritable());
        }
        c.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext c) {
        closing = true;
        disarm();
        FullHttpRequest r;
        while ((r = pending.poll()) != null) {
            r.release();
        }
        if (upstream != null) {
            upstream.close();
        }
        dropParked();
        c.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
        LOG.debug("client connection {} failed: {}", client(), cause.toString());
        c.close();
    }
}
