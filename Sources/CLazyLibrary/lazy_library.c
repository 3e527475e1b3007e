#include "lazy_library.h"

#include <dlfcn.h>
#include <stdio.h>

// pthread_once has no argument: the library being loaded is handed over in a thread-local.
static _Thread_local crampd_lazy_library *loading;

static void load(void) {
    crampd_lazy_library *library = loading;
    // RTLD_LOCAL: the library's symbols stay out of the global scope, so they cannot
    // clash with our forwarders; dlsym on the handle finds the library's own.
    library->handle = dlopen(library->soname, RTLD_NOW | RTLD_LOCAL);
    if (!library->handle) {
        const char *why = dlerror();
        snprintf(library->error, sizeof library->error, "%s", why ? why : library->soname);
    }
}

void *crampd_lazy_symbol(crampd_lazy_library *library, void **slot, const char *name) {
    void *symbol = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (symbol) return symbol;
    loading = library;
    pthread_once(&library->once, load);
    if (!library->handle) return NULL;
    symbol = dlsym(library->handle, name);
    __atomic_store_n(slot, symbol, __ATOMIC_RELEASE);
    return symbol;
}

const char *crampd_lazy_error(crampd_lazy_library *library) {
    loading = library;
    pthread_once(&library->once, load);
    return library->error;
}
