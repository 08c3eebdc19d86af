#ifndef ENQUETE_CGLPK_SHIM_H
#define ENQUETE_CGLPK_SHIM_H

/* GLPK's C API (Debian: libglpk-dev). Debian ships no pkg-config file for it, hence `link "glpk"`
   in the module map. GLPK is not thread-safe: enquete keeps every solve sequence on one thread. */
#include <glpk.h>

#endif
