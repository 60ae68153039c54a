// syncfs is a GNU extension that Swift's Glibc module does not export.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include "CSKKNISystem.h"

int skkni_sync_file_system(int fd) {
#if defined(__linux__)
    return syncfs(fd);
#else
    return fsync(fd);
#endif
}
