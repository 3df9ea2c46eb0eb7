// glibc's allocator tuning (mallopt and its parameters), which Swift's Glibc module leaves out.
// Elsewhere (macOS) there is no such <malloc.h>: the module is empty there.
#if defined(__linux__)
#include <malloc.h>
#endif
