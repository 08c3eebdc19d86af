#ifndef ENQUETE_CSHA256_H
#define ENQUETE_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256's 64 round constants (FIPS 180-4, 4.2.2), for the portable implementation too.
const uint32_t *enquete_sha256_round_constants(void);

/// Whether this processor has the SHA extensions (and the SSSE3 and SSE4.1 they are used with).
int enquete_sha256_has_extensions(void);

/// Compresses `blocks` consecutive 64-byte blocks of `data` into `state` (SHA-256's eight words,
/// FIPS 180-4 order) with the processor's SHA extensions. Call only when
/// `enquete_sha256_has_extensions()` said yes.
void enquete_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
