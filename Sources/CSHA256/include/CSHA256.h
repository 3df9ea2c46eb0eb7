#ifndef TRADELOG_CSHA256_H
#define TRADELOG_CSHA256_H

// SHA-256 block compression with the x86 SHA extensions (SHA-NI): the event chain and snapshot files
// hash every batch and every body, and these instructions compress a block several times faster
// than portable code. Only the compression lives here; buffering and padding stay in TradelogCore's
// SHA256, which calls this through a function pointer, so there is one implementation of those.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the SHA extensions (and the SSSE3 and SSE4.1 the compression also uses).
/// Always false on other architectures, where the SHA-NI code is not compiled.
bool csha256_ni_is_supported(void);

/// Compresses `block_count` consecutive 64-byte blocks at `blocks` (any alignment) into `state`, the
/// eight working words of FIPS 180-4 (H0...H7, in that order). Call only when
/// `csha256_ni_is_supported()` says true: on an x86_64 CPU without the SHA extensions the process
/// dies of an illegal instruction, and on any other architecture it traps.
void csha256_ni_compress_blocks(
    uint32_t *_Nonnull state, const uint8_t *_Nonnull blocks, size_t block_count);

#endif
