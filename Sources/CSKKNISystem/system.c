// renameat2 and syncfs are GNU extensions that Swift's Glibc module does not export.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "CSKKNISystem.h"
#if defined(__linux__)
#include <sys/inotify.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int skkni_exchange_paths(const char *a, const char *b) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    (void)a;
    (void)b;
    errno = ENOSYS;
    return -1;
#endif
}

int skkni_sync_file_system(int fd) {
#if defined(__linux__)
    return syncfs(fd);
#else
    return fsync(fd);
#endif
}

int skkni_watch_directory(const char *path) {
#if defined(__linux__)
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) return -1;
    uint32_t mask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
        | IN_DELETE_SELF | IN_MOVE_SELF;
    if (inotify_add_watch(fd, path, mask) < 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
#else
    (void)path;
    errno = ENOSYS;
    return -1;
#endif
}

void skkni_release_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

#if defined(__GLIBC__)
// glibc gives each thread that meets a locked arena an arena of its own, up to eight per core,
// and memory freed in one arena serves only that arena: the importer's and the renderers'
// threads each kept their own free lists, which at national scale held a tenth of the peak.
// Two arenas keep both cores busy (the workers' allocations are mostly short) and run before
// main, so no thread exists yet.
//
// A fixed mmap threshold: by default glibc raises it to the largest block freed so far (up to
// 32 MB), after which every page buffer, template context and grown array between 128 KB and
// a few MB is carved from the arenas and leaves holes there when freed. Fixed at 128 KB, such
// blocks are mapped and unmapped whole; a national build peaked 60-150 MB lower, with no more
// CPU (docs/performance.md, session 13).
__attribute__((constructor)) static void skkni_tune_malloc(void) {
    mallopt(M_ARENA_MAX, 2);
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
}
#endif
