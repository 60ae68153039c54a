#ifndef CSKKNISYSTEM_H
#define CSKKNISYSTEM_H

/// Atomically exchanges two paths (both must exist). Returns 0, or -1 with errno set;
/// ENOSYS/EINVAL mean the system or file system cannot exchange, and the caller falls back.
int skkni_exchange_paths(const char *a, const char *b);

/// Flushes the file system holding `fd` to disk (syncfs, a GNU extension; fsync elsewhere).
int skkni_sync_file_system(int fd);

/// Starts watching the entries of a directory (created, written, moved, deleted, attributes
/// changed) with inotify. Returns a non-blocking descriptor to read events from, or -1 with
/// errno set (ENOSYS where the system has no inotify).
int skkni_watch_directory(const char *path);

/// Gives memory that was freed back to the system where the allocator keeps it (glibc's
/// malloc_trim); a long-running watch otherwise grows with every rebuild's transient data.
void skkni_release_free_memory(void);

#endif
