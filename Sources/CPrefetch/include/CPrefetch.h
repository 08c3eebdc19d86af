#ifndef ENQUETE_CPREFETCH_H
#define ENQUETE_CPREFETCH_H

/// Asks the processor to bring the cache line holding `address` closer, for a read soon.
static inline void enquete_prefetch_read(const void *address) { __builtin_prefetch(address, 0, 3); }

/// The same, for a write soon.
static inline void enquete_prefetch_write(const void *address) { __builtin_prefetch(address, 1, 3); }

#endif
