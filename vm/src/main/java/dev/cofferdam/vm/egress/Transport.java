package dev.cofferdam.vm.egress;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty transport of the proxy: the JDK's NIO, or with {@code -Dcofferdam.egress.transport=epoll}
 * native epoll where its library loads (Linux x86-64). NIO is the default because epoll measured no
 * better on the shared 2-core benchmark machines (README, "Egress proxy"). Every channel of one proxy
 * uses the same transport as its event loops. Stateless; thread-safe.
 */
final class Transport {
    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private static final boolean EPOLL = choose();

    private Transport() {
    }

    private static boolean choose() {
        String wanted = System.getProperty("cofferdam.egress.transport", "nio").toLowerCase(Locale.ROOT);
        if (!wanted.equals("epoll")) {
            return false;
        }
        if (!Epoll.isAvailable()) {
            LOG.info("egress proxy uses NIO (native epoll unavailable: {})", Epoll.unavailabilityCause().toString());
            return false;
        }
        LOG.info("egress proxy uses native epoll");
        return true;
    }

    /** @return "epoll" or "nio" */
    static String name() {
        return EPOLL ? "epoll" : "nio";
    }

    static EventLoopGroup group(int threads, ThreadFactory factory) {
        return EPOLL ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    }

    static Class<? extends SocketChannel> socket() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    static Class<? extends ServerSocketChannel> server() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
