/*
 * cofferdam-agent: the guest side of Cofferdam's exec channel. Runs as PID 1 after /init.
 *
 * It serves every virtio-serial port named on its command line. Each port carries frames:
 *   type (1 byte) | id (4 bytes, big endian) | length (4 bytes, big endian) | payload
 * Host -> guest: PING, EXEC (payload: NUL-terminated strings flags, cwd, env "K=V"..., "", argv...;
 *                flags "" for pipes or "pROWSxCOLS" for a pseudo-terminal of that size),
 *                STDIN, STDIN_EOF, RESIZE (rows, cols as 2+2 bytes), SIGNAL (1 byte), POWEROFF.
 * Guest -> host: PONG, STDOUT, STDERR, EXIT (4-byte status: the code, or 128 + signal), ERROR (text).
 * When the host side of a port disconnects, every process started through that port is killed.
 * Single-threaded: one poll() loop over the ports, the children's pipes and a self-pipe that
 * SIGCHLD and SIGIO (the port's host-connection changes) write to.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

enum { F_PING = 1, F_EXEC, F_STDIN, F_STDIN_EOF, F_RESIZE, F_SIGNAL, F_POWEROFF,
       F_PONG = 16, F_STDOUT, F_STDERR, F_EXIT, F_ERROR };
#define MAXPORTS 8
#define MAXPROCS 128
#define HDR 9
#define MAXFRAME 65536

struct port { int fd; int up; size_t have; unsigned char buf[HDR + MAXFRAME]; };
struct proc { int used, port; uint32_t id; pid_t pid; int in, out, err, pty, exited, status; };

static struct port ports[MAXPORTS];
static int nports;
static struct proc procs[MAXPROCS];
static int wake[2];

static void on_signal(int sig) { int e = errno; char c = (char) sig; (void) !write(wake[1], &c, 1); errno = e; }

static void put32(unsigned char *p, uint32_t v) { p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v; }
static uint32_t get32(const unsigned char *p) { return (uint32_t) p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }

/* Writes one frame; a port whose host went away just drops it. */
static void send_frame(int port, int type, uint32_t id, const void *data, uint32_t len) {
    unsigned char hdr[HDR];
    hdr[0] = (unsigned char) type; put32(hdr + 1, id); put32(hdr + 5, len);
    struct iovec_like { const void *p; size_t n; } parts[2] = { { hdr, HDR }, { data, len } };
    for (int i = 0; i < 2; i++) {
        const char *p = parts[i].p; size_t n = parts[i].n;
        while (n > 0) {
            ssize_t w = write(ports[port].fd, p, n);
            if (w < 0 && errno == EINTR) continue;
            if (w < 0 && errno == EAGAIN) { struct pollfd f = { ports[port].fd, POLLOUT, 0 }; poll(&f, 1, 100); continue; }
            if (w <= 0) return;
            p += w; n -= (size_t) w;
        }
    }
}

static void send_error(int port, uint32_t id, const char *msg) { send_frame(port, F_ERROR, id, msg, (uint32_t) strlen(msg)); }

static struct proc *find(int port, uint32_t id) {
    for (int i = 0; i < MAXPROCS; i++)
        if (procs[i].used && procs[i].port == port && procs[i].id == id) return &procs[i];
    return NULL;
}

static void close_fd(int *fd) { if (*fd >= 0) { close(*fd); *fd = -1; } }

/* Signals a command's process group; a child that has not reached setsid() yet has no group, so
 * it gets the signal itself (its handlers are still the defaults it will exec with). */
static void signal_proc(struct proc *p, int sig) { if (kill(-p->pid, sig) < 0 && errno == ESRCH) kill(p->pid, sig); }

/* Sends EXIT once the process is reaped and its output fully drained. */
static void maybe_finish(struct proc *p) {
    if (!p->used || !p->exited || p->out >= 0 || p->err >= 0) return;
    unsigned char code[4];
    int st = p->status;
    put32(code, (uint32_t) (WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st)));
    send_frame(p->port, F_EXIT, p->id, code, 4);
    close_fd(&p->in);
    p->used = 0;
}

/* Splits an EXEC payload into flags, cwd, env and argv (all pointing into the payload). */
static int parse_exec(char *data, uint32_t len, char **flags, char **cwd, char **env, char **argv, int max) {
    if (len == 0 || data[len - 1] != '\0') return -1;
    char *p = data, *end = data + len;
    *flags = p; p += strlen(p) + 1; if (p >= end) return -1;
    *cwd = p; p += strlen(p) + 1;
    int n = 0;
    while (p < end && *p) { if (n >= max - 1) return -1; env[n++] = p; p += strlen(p) + 1; }
    env[n] = NULL;
    if (p >= end) return -1;
    p++;
    n = 0;
    while (p < end) { if (n >= max - 1) return -1; argv[n++] = p; p += strlen(p) + 1; }
    argv[n] = NULL;
    return n > 0 ? 0 : -1;
}

static void start(int port, uint32_t id, char *data, uint32_t len) {
    char *flags, *cwd, *env[256], *argv[256];
    if (parse_exec(data, len, &flags, &cwd, env, argv, 256) < 0) { send_error(port, id, "malformed exec request"); return; }
    struct proc *p = NULL;
    for (int i = 0; i < MAXPROCS && !p; i++) if (!procs[i].used) p = &procs[i];
    if (!p) { send_error(port, id, "too many processes"); return; }
    int pty = flags[0] == 'p';
    struct winsize size = { .ws_row = 24, .ws_col = 80 };
    if (pty) sscanf(flags + 1, "%hux%hu", &size.ws_row, &size.ws_col);
    int in[2] = { -1, -1 }, out[2] = { -1, -1 }, err[2] = { -1, -1 }, master = -1, slave = -1;
    if (pty ? openpty(&master, &slave, NULL, NULL, &size) < 0
            : (pipe2(in, O_CLOEXEC) < 0 || pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0)) {
        send_error(port, id, strerror(errno)); return;
    }
    pid_t pid = fork();
    if (pid == 0) {
        sigset_t none; sigemptyset(&none); sigprocmask(SIG_SETMASK, &none, NULL);
        signal(SIGPIPE, SIG_DFL); signal(SIGCHLD, SIG_DFL); signal(SIGIO, SIG_DFL);
        setsid();
        if (pty) {
            ioctl(slave, TIOCSCTTY, 0);
            dup2(slave, 0); dup2(slave, 1); dup2(slave, 2);
        } else {
            dup2(in[0], 0); dup2(out[1], 1); dup2(err[1], 2);
        }
        if (*cwd && chdir(cwd) < 0) { dprintf(2, "cofferdam-agent: cd %s: %s\n", cwd, strerror(errno)); _exit(126); }
        /* execvpe searches the caller's PATH, not env's: take the request's (e.g. /usr/local/bin). */
        for (char **e = env; *e; e++) if (strncmp(*e, "PATH=", 5) == 0) setenv("PATH", *e + 5, 1);
        execvpe(argv[0], argv, env);
        dprintf(2, "cofferdam-agent: %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    if (pid < 0) { send_error(port, id, strerror(errno)); return; }
    memset(p, 0, sizeof *p);
    p->used = 1; p->port = port; p->id = id; p->pid = pid; p->pty = pty;
    if (pty) {
        close(slave);
        fcntl(master, F_SETFD, FD_CLOEXEC);
        p->in = master; p->out = dup(master); p->err = -1;
        fcntl(p->out, F_SETFD, FD_CLOEXEC);
    } else {
        close(in[0]); close(out[1]); close(err[1]);
        p->in = in[1]; p->out = out[0]; p->err = err[0];
    }
}

static void handle(int port, int type, uint32_t id, unsigned char *data, uint32_t len) {
    struct proc *p = type == F_PING || type == F_EXEC || type == F_POWEROFF ? NULL : find(port, id);
    switch (type) {
    case F_PING: send_frame(port, F_PONG, id, data, len); break;
    case F_EXEC: if (find(port, id)) send_error(port, id, "duplicate id"); else start(port, id, (char *) data, len); break;
    case F_STDIN:
        if (p && p->in >= 0) {
            size_t off = 0;
            while (off < len) {
                ssize_t w = write(p->in, data + off, len - off);
                if (w < 0 && errno == EINTR) continue;
                if (w <= 0) { close_fd(&p->in); break; }
                off += (size_t) w;
            }
        }
        break;
    case F_STDIN_EOF:
        if (p && p->pty && p->in >= 0) { char eot = 4; (void) !write(p->in, &eot, 1); }
        else if (p) close_fd(&p->in);
        break;
    case F_RESIZE:
        if (p && p->pty && len >= 4) {
            struct winsize ws = { .ws_row = (unsigned short) (data[0] << 8 | data[1]),
                                  .ws_col = (unsigned short) (data[2] << 8 | data[3]) };
            ioctl(p->in, TIOCSWINSZ, &ws);
        }
        break;
    case F_SIGNAL: if (p && len >= 1) signal_proc(p, data[0]); break;
    case F_POWEROFF: sync(); reboot(RB_POWER_OFF); break;
    default: send_error(port, id, "unknown frame type");
    }
}

/* The host closed its end: kill what it started and forget any half-read frame. */
static void host_gone(int port) {
    ports[port].up = 0; ports[port].have = 0;
    for (int i = 0; i < MAXPROCS; i++)
        if (procs[i].used && procs[i].port == port) { signal_proc(&procs[i], SIGKILL); close_fd(&procs[i].in); }
}

static void read_port(int port) {
    struct port *pt = &ports[port];
    ssize_t r = read(pt->fd, pt->buf + pt->have, sizeof pt->buf - pt->have);
    if (r <= 0) { if (r == 0 || (errno != EAGAIN && errno != EINTR)) host_gone(port); return; }
    pt->have += (size_t) r;
    size_t off = 0;
    while (pt->have - off >= HDR) {
        uint32_t len = get32(pt->buf + off + 5);
        if (len > MAXFRAME) { send_error(port, 0, "frame too large"); pt->have = 0; return; }
        if (pt->have - off < HDR + len) break;
        handle(port, pt->buf[off], get32(pt->buf + off + 1), pt->buf + off + HDR, len);
        off += HDR + len;
    }
    memmove(pt->buf, pt->buf + off, pt->have - off);
    pt->have -= off;
}

static void pump(struct proc *p, int *fd, int type) {
    static unsigned char buf[32768];
    ssize_t r = read(*fd, buf, sizeof buf);
    if (r > 0) { send_frame(p->port, type, p->id, buf, (uint32_t) r); return; }
    if (r < 0 && (errno == EINTR || errno == EAGAIN)) return;
    close_fd(fd); /* EOF, or EIO on a pty whose last writer is gone */
    maybe_finish(p);
}

static void reap(void) {
    int st; pid_t pid;
    while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
        for (int i = 0; i < MAXPROCS; i++)
            if (procs[i].used && procs[i].pid == pid && !procs[i].exited) {
                procs[i].exited = 1; procs[i].status = st;
                if (procs[i].pty) close_fd(&procs[i].in);
                maybe_finish(&procs[i]);
            }
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: cofferdam-agent PORT-DEVICE...\n"); return 2; }
    if (pipe2(wake, O_CLOEXEC | O_NONBLOCK) < 0) return 1;
    struct sigaction sa = { .sa_handler = on_signal, .sa_flags = SA_RESTART };
    sigaction(SIGCHLD, &sa, NULL); sigaction(SIGIO, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    for (int i = 1; i < argc && nports < MAXPORTS; i++) {
        int fd = open(argv[i], O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) { fprintf(stderr, "cofferdam-agent: %s: %s\n", argv[i], strerror(errno)); continue; }
        /* The port raises SIGIO when the host connects or disconnects. */
        fcntl(fd, F_SETOWN, getpid());
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_ASYNC);
        ports[nports].fd = fd; ports[nports].up = 0; nports++;
    }
    if (nports == 0) return 1;
    for (;;) {
        struct pollfd fds[1 + MAXPORTS + 2 * MAXPROCS];
        struct proc *owner[1 + MAXPORTS + 2 * MAXPROCS];
        int kind[1 + MAXPORTS + 2 * MAXPROCS];
        int n = 0, down = 0;
        fds[n] = (struct pollfd) { wake[0], POLLIN, 0 }; kind[n++] = -1;
        for (int i = 0; i < nports; i++) {
            struct pollfd probe = { ports[i].fd, POLLIN, 0 };
            poll(&probe, 1, 0);
            int was = ports[i].up;
            /* A port whose host side is closed polls as POLLHUP|POLLIN and reads 0 bytes:
             * only POLLHUP tells, and polling it would spin. */
            ports[i].up = !(probe.revents & POLLHUP);
            if (!ports[i].up) { if (was) host_gone(i); down++; continue; }
            fds[n] = (struct pollfd) { ports[i].fd, POLLIN, 0 }; kind[n] = i; owner[n++] = NULL;
        }
        for (int i = 0; i < MAXPROCS; i++) {
            if (!procs[i].used) continue;
            if (procs[i].out >= 0) { fds[n] = (struct pollfd) { procs[i].out, POLLIN, 0 }; kind[n] = F_STDOUT; owner[n++] = &procs[i]; }
            if (procs[i].err >= 0) { fds[n] = (struct pollfd) { procs[i].err, POLLIN, 0 }; kind[n] = F_STDERR; owner[n++] = &procs[i]; }
        }
        /* SIGIO normally announces a host connection; the timeout is only a safety net. */
        if (poll(fds, (nfds_t) n, down ? 1000 : -1) < 0 && errno != EINTR) return 1;
        for (int i = 0; i < n; i++) {
            if (!fds[i].revents) continue;
            if (kind[i] == -1) { char c[64]; while (read(wake[0], c, sizeof c) > 0) {} reap(); }
            else if (kind[i] < MAXPORTS) {
                if (fds[i].revents & POLLIN) read_port(kind[i]);
                else if (fds[i].revents & POLLHUP) host_gone(kind[i]);
            } else if (owner[i]->used) {
                pump(owner[i], kind[i] == F_STDOUT ? &owner[i]->out : &owner[i]->err, kind[i]);
            }
        }
    }
}
