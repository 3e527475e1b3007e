#ifndef CRAMPD_LAZY_LIBRARY_H
#define CRAMPD_LAZY_LIBRARY_H
// A shared library loaded on first use instead of at exec.
//
// Why: `crampd ctl` is a short-lived client that needs neither libsystemd (and through it
// libgcrypt, liblz4, libzstd, liblzma, libcap, libgpg-error) nor libsqlite3; linking them
// costs every invocation about 0.5 ms of dynamic loading, more than the round trip to the
// daemon. The daemon loads them the first time it calls into them.
//
// CSystemd and CSQLite define the functions crampd calls, under their real names and with
// hidden visibility, as forwarders (CRAMPD_LAZY_FORWARD) to the library's own definition.
// Swift code calls the documented C API unchanged; nothing links the library itself.
#include <pthread.h>

typedef struct {
    const char *soname;     // e.g. "libsystemd.so.0": the runtime package's file, not the -dev symlink
    pthread_once_t once;
    void *handle;           // NULL when it could not be loaded
    char error[256];        // dlerror() of the failed load
} crampd_lazy_library;

#define CRAMPD_LAZY_LIBRARY(soname) { (soname), PTHREAD_ONCE_INIT, 0, {0} }

// The address of `name` in `library` (loading it on first use), cached in `*slot`;
// NULL when the library or the symbol is missing. Safe from any thread.
void *crampd_lazy_symbol(crampd_lazy_library *library, void **slot, const char *name);

// Why the library could not be loaded, or "" when it was.
const char *crampd_lazy_error(crampd_lazy_library *library);

// Defines `ret name params` calling the library's `name` with `args`, or returning
// `fallback` when the library cannot be loaded.
#define CRAMPD_LAZY_FORWARD(library, fallback, ret, name, params, args)               \
    ret name params {                                                                   \
        static void *cached;                                                            \
        ret (*real) params = (ret (*) params)crampd_lazy_symbol(&(library), &cached, #name); \
        if (!real) return (fallback);                                                   \
        return real args;                                                               \
    }

#endif
