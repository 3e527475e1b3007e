// Load generator for the crampd control socket: N clients at once, each sending
// `status` requests back to back for a fixed time; prints requests/s and latency
// percentiles of the full round trip (write request, read the whole answer line).
//
//   cc -O2 -pthread bench/ctl-load.c -o ctl-load
//   ./ctl-load SOCKET [CLIENTS=64] [SECONDS=3] [keepalive|connect] [RATE=0]
//
// keepalive: one connection per client, "keepAlive":true on every request.
// connect:   a new connection per request, like `crampd ctl`.
// RATE:      requests per second per client on a fixed schedule (latency counted from the
//            scheduled time, so a slow server cannot hide its queueing); 0: back to back
//            (closed loop: measures saturation, where latency is clients / throughput).
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static const char *socket_path;
static int seconds = 3, keepalive = 1, rate = 0;
static volatile int stop;

typedef struct { uint64_t *lat; size_t n, cap; uint64_t busy, errors; } stats_t;

static uint64_t now_ns(void) {
    struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + t.tv_nsec;
}

static int dial(void) {
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    strncpy(a.sun_path, socket_path, sizeof a.sun_path - 1);
    while (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        if (errno != EAGAIN) { perror("connect"); exit(69); }
        usleep(100);
    }
    return fd;
}

// Reads one line into buf; returns its length or -1 at end of stream.
static ssize_t read_line(int fd, char *buf, size_t cap) {
    size_t used = 0;
    for (;;) {
        ssize_t n = read(fd, buf + used, cap - used);
        if (n <= 0) return -1;
        used += n;
        if (memchr(buf + used - n, '\n', n)) return (ssize_t)used;
        if (used == cap) return -1;
    }
}

static void *client(void *arg) {
    stats_t *s = arg;
    char req[128], buf[1 << 16];
    int fd = -1, id = 0;
    uint64_t interval = rate > 0 ? 1000000000u / rate : 0;
    // Spread the clients' schedules so they do not all fire at once.
    uint64_t scheduled = now_ns() + (interval ? (uint64_t)rand() % interval : 0);
    while (!stop) {
        if (interval) {
            uint64_t t = now_ns();
            if (t < scheduled) { struct timespec d = { 0, (long)(scheduled - t) }; nanosleep(&d, NULL); }
        }
        if (fd < 0) fd = dial();
        int len = snprintf(req, sizeof req, "{\"command\":\"status\",\"id\":%d,%s\"version\":1}\n",
                           ++id, keepalive ? "\"keepAlive\":true," : "");
        uint64_t t0 = interval ? scheduled : now_ns();
        scheduled += interval;
        if (write(fd, req, len) != len) { s->errors++; close(fd); fd = -1; continue; }
        ssize_t n = read_line(fd, buf, sizeof buf);
        uint64_t t1 = now_ns();
        if (n < 0) { s->errors++; close(fd); fd = -1; continue; }
        if (memmem(buf, n, "\"busy\"", 6)) { s->busy++; close(fd); fd = -1; continue; }
        if (!memmem(buf, n, "\"ok\"", 4)) s->errors++;
        if (s->n == s->cap) { s->cap = s->cap ? s->cap * 2 : 4096; s->lat = realloc(s->lat, s->cap * sizeof *s->lat); }
        s->lat[s->n++] = t1 - t0;
        if (!keepalive) { close(fd); fd = -1; }
    }
    if (fd >= 0) close(fd);
    return NULL;
}

static int cmp(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s SOCKET [CLIENTS] [SECONDS] [keepalive|connect]\n", argv[0]); return 64; }
    socket_path = argv[1];
    int clients = argc > 2 ? atoi(argv[2]) : 64;
    if (argc > 3) seconds = atoi(argv[3]);
    if (argc > 4) keepalive = strcmp(argv[4], "connect") != 0;
    if (argc > 5) rate = atoi(argv[5]);
    pthread_t *threads = calloc(clients, sizeof *threads);
    stats_t *stats = calloc(clients, sizeof *stats);
    uint64_t start = now_ns();
    for (int i = 0; i < clients; i++) pthread_create(&threads[i], NULL, client, &stats[i]);
    sleep(seconds);
    stop = 1;
    for (int i = 0; i < clients; i++) pthread_join(threads[i], NULL);
    double elapsed = (now_ns() - start) / 1e9;
    size_t total = 0; uint64_t busy = 0, errors = 0;
    for (int i = 0; i < clients; i++) { total += stats[i].n; busy += stats[i].busy; errors += stats[i].errors; }
    uint64_t *all = malloc((total ? total : 1) * sizeof *all);
    size_t k = 0;
    for (int i = 0; i < clients; i++) { memcpy(all + k, stats[i].lat, stats[i].n * sizeof *all); k += stats[i].n; }
    qsort(all, total, sizeof *all, cmp);
#define PCT(p) (total ? all[(size_t)((total - 1) * (p))] / 1e3 : 0)
    printf("mode=%s clients=%d rate_per_client=%d seconds=%.1f requests=%zu req/s=%.0f p50_us=%.0f p90_us=%.0f p99_us=%.0f max_us=%.0f busy=%llu errors=%llu\n",
           keepalive ? "keepalive" : "connect", clients, rate, elapsed, total, total / elapsed,
           PCT(0.50), PCT(0.90), PCT(0.99), PCT(1.0), (unsigned long long)busy, (unsigned long long)errors);
    return errors ? 1 : 0;
}
