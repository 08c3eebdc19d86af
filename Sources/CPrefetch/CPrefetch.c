// The shim is header-only (static inline functions Swift imports and inlines); SwiftPM wants a
// source file in every C target.
#include "CPrefetch.h"
