/* sshdoctor lab race helper (compiled by the lab at test time with gcc).
 *   swap exchange A B      exchanges A and B with renameat2(RENAME_EXCHANGE) in a tight loop until SIGTERM
 *   swap temp DIR TARGET   watches DIR (inotify); every new name except authorized_keys is at once exchanged
 *                          with a fresh symlink to TARGET (the atomic writer's temp file swapped for a link)
 *   swap once A B          one exchange
 *   swap socket PATH       creates a listening unix socket at PATH and exits (the inode stays)
 * On SIGTERM it prints the number of exchanges made and exits 0. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static volatile sig_atomic_t stop;
static unsigned long swaps;

static void on_term(int sig) { (void)sig; stop = 1; }

static int exchange(const char *a, const char *b)
{
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}

static int loop_exchange(const char *a, const char *b)
{
    while (!stop)
        if (exchange(a, b) == 0) swaps++;
    /* leave the original in place: an even number of exchanges */
    if (swaps % 2 && exchange(a, b) == 0) swaps++;
    return 0;
}

static int loop_temp(const char *dir, const char *target)
{
    int fd = inotify_init1(IN_NONBLOCK);
    if (fd < 0 || inotify_add_watch(fd, dir, IN_CREATE | IN_MOVED_TO) < 0) { perror("inotify"); return 1; }
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    unsigned long n = 0;
    while (!stop) {
        ssize_t len = read(fd, buf, sizeof buf);
        if (len <= 0) { if (errno != EAGAIN) break; continue; }
        for (char *p = buf; p < buf + len;) {
            struct inotify_event *ev = (struct inotify_event *)p;
            p += sizeof *ev + ev->len;
            if (!ev->len || !strcmp(ev->name, "authorized_keys") || !strncmp(ev->name, ".evil", 5)) continue;
            char name[PATH_MAX], link[PATH_MAX];
            snprintf(name, sizeof name, "%s/%s", dir, ev->name);
            snprintf(link, sizeof link, "%s/.evil%lu", dir, n++);
            if (symlink(target, link) == 0 && exchange(name, link) == 0) swaps++;
        }
    }
    return 0;
}

static int make_socket(const char *path)
{
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    strncpy(sa.sun_path, path, sizeof sa.sun_path - 1);
    if (s < 0 || bind(s, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(s, 1) != 0) { perror("socket"); return 1; }
    return 0;
}

int main(int argc, char **argv)
{
    struct sigaction sa = { .sa_handler = on_term };
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    int rc = 2;
    if (argc == 4 && !strcmp(argv[1], "exchange")) rc = loop_exchange(argv[2], argv[3]);
    else if (argc == 4 && !strcmp(argv[1], "temp")) rc = loop_temp(argv[2], argv[3]);
    else if (argc == 4 && !strcmp(argv[1], "once")) rc = exchange(argv[2], argv[3]) == 0 ? 0 : (perror("renameat2"), 1);
    else if (argc == 3 && !strcmp(argv[1], "socket")) rc = make_socket(argv[2]);
    else fprintf(stderr, "usage: swap exchange A B | temp DIR TARGET | once A B | socket PATH\n");
    if (argc >= 2 && strcmp(argv[1], "socket") && strcmp(argv[1], "once")) printf("%lu\n", swaps);
    return rc;
}
