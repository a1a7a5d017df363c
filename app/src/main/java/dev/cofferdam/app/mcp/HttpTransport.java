package dev.cofferdam.app.mcp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP streamable HTTP, bound to 127.0.0.1 only, on Netty; the protocol rules are in
 * {@link HttpEndpoint}. Tool calls run on a small executor group, not on the I/O threads.
 * Thread-safe.
 */
public final class HttpTransport implements AutoCloseable {
    public static final String PATH = "/mcp";
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final int MAX_BODY = 4 << 20;

    private final HttpEndpoint endpoint;
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup io = new NioEventLoopGroup(2);
    private final EventExecutorGroup work = new DefaultEventExecutorGroup(4);
    private Channel channel;

    /**
     * Binds 127.0.0.1:{@code port} (0 = any free port) and starts serving.
     *
     * @param sessions makes the session of each {@code initialize}
     * @throws IOException when the port cannot be bound
     */
    public HttpTransport(int port, Supplier<McpSession> sessions) throws IOException {
        endpoint = new HttpEndpoint(sessions);
        ServerBootstrap b = new ServerBootstrap().group(boss, io).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY));
                        ch.pipeline().addLast(work, new Handler());
                    }
                });
        try {
            channel = b.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while binding 127.0.0.1:" + port, e);
        } catch (Exception e) { // Netty rethrows the bind failure (a checked exception) undeclared
            close();
            throw new IOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** The endpoint, e.g. {@code http://127.0.0.1:41234/mcp}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort() + PATH);
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            String path = new QueryStringDecoder(req.uri()).path();
            HttpReply reply = endpoint.handle(req.method().name(), path, req.headers()::get,
                    req.content().toString(StandardCharsets.UTF_8));
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(body));
            if (reply.contentType() != null) {
                res.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType() + "; charset=utf-8");
            }
            for (Map.Entry<String, String> h : reply.headers().entrySet()) {
                res.headers().set(h.getKey(), h.getValue());
            }
            HttpUtil.setContentLength(res, body.length);
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            HttpUtil.setKeepAlive(res, keepAlive);
            var f = ctx.writeAndFlush(res);
            if (!keepAlive) {
                f.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.warn("MCP HTTP connection failed: {}", cause.toString());
            ctx.close();
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        boss.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        io.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        work.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
}
