/*
 * cofferdam-relay: runs on the host, started by QEMU's user-mode network for each guest connection
 * to the egress address (guestfwd ... cmd:). Its stdin/stdout is the guest's TCP stream; it copies
 * that stream to and from the sandbox's egress endpoint: "unix:/path" or "tcp:127.0.0.1:port".
 * If the endpoint does not answer, the guest's connection is simply closed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int dial(const char *target) {
    if (strncmp(target, "unix:", 5) == 0) {
        struct sockaddr_un a = { .sun_family = AF_UNIX };
        if (strlen(target + 5) >= sizeof a.sun_path) return -1;
        strcpy(a.sun_path, target + 5);
        int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        return fd >= 0 && connect(fd, (struct sockaddr *) &a, sizeof a) == 0 ? fd : -1;
    }
    if (strncmp(target, "tcp:127.0.0.1:", 14) == 0) {
        /* Only loopback: the proxy always runs on this host. */
        struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((unsigned short) atoi(target + 14)) };
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        return fd >= 0 && connect(fd, (struct sockaddr *) &a, sizeof a) == 0 ? fd : -1;
    }
    return -1;
}

/* Copies what is readable on `from` to `to`; returns 0 on end of stream or error. */
static int copy(int from, int to) {
    char buf[16384];
    ssize_t r = read(from, buf, sizeof buf);
    if (r < 0 && (errno == EINTR || errno == EAGAIN)) return 1;
    if (r <= 0) return 0;
    for (ssize_t off = 0; off < r;) {
        ssize_t w = write(to, buf + off, (size_t) (r - off));
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return 0;
        off += w;
    }
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 2) return 2;
    int up = dial(argv[1]);
    if (up < 0) return 1;
    struct pollfd f[2] = { { 0, POLLIN, 0 }, { up, POLLIN, 0 } };
    int guest_open = 1;
    for (;;) {
        f[0].fd = guest_open ? 0 : -1;
        if (poll(f, 2, -1) < 0) { if (errno == EINTR) continue; return 1; }
        if (f[0].revents && !copy(0, up)) { shutdown(up, SHUT_WR); guest_open = 0; }
        if (f[1].revents && !copy(up, 1)) return 0;
    }
}
