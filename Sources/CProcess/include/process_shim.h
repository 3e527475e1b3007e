#ifndef CRAMPD_PROCESS_SHIM_H
#define CRAMPD_PROCESS_SHIM_H
#include <sys/types.h>
/* malloc_trim(3), which Glibc's Swift module leaves out: freed heap back to the kernel (IdlePages). */
#include <malloc.h>

/// pidfd_open(2): a descriptor that becomes readable when the process exits, so a child is
/// reaped from a Dispatch read source, without SIGCHLD or polling. -1 and errno on failure.
/// (The variadic syscall(2) cannot be called from Swift, and glibc's wrapper is 2.36+.)
int crampd_pidfd_open(pid_t pid);

#endif
