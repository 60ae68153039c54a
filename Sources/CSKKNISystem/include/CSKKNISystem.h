#ifndef CSKKNISYSTEM_H
#define CSKKNISYSTEM_H

/// Flushes the file system holding `fd` to disk (syncfs, a GNU extension; fsync elsewhere).
int skkni_sync_file_system(int fd);

#endif
