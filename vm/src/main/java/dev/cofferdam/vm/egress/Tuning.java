package dev.cofferdam.vm.egress;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;

/** Socket buffer settings shared by client and upstream channels (tunnels relay bulk data). */
final class Tuning {
    /** A side stops reading while its peer has more than 1 MiB queued, and resumes below 512 KiB. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(512 * 1024, 1024 * 1024);
    /** Reads grow up to 256 KiB per call on busy tunnels. */
    static final AdaptiveRecvByteBufAllocator RECV = new AdaptiveRecvByteBufAllocator(2048, 16 * 1024, 256 * 1024);

    private Tuning() {
    }
}
