#ifndef TRADELOG_ALLOCATION_COUNTER_H
#define TRADELOG_ALLOCATION_COUNTER_H

// Counts heap allocations made by this process, for benchmarks that must show "no allocation per
// command". Linked only into the benchmark executable: it replaces malloc and friends there (a
// definition in the executable takes precedence over libc's for every library of the process) and
// forwards to glibc's own entry points, so memory stays compatible with free().

/// The number of allocation calls (malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign)
/// since the process started.
unsigned long long tradelog_allocation_count(void);

/// Bytes the heap has handed out and not taken back (glibc's mallinfo2().uordblks): Swift's Glibc
/// module does not import malloc.h.
unsigned long long tradelog_heap_bytes_in_use(void);

#endif
