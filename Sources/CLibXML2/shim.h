#ifndef ENQUETE_CLIBXML2_SHIM_H
#define ENQUETE_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers then collide with Foundation's own ICU
   ("'UErrorCode' has different definitions in different modules"). We never use libxml2's
   ICU-based encoding handlers from Swift, so hide them. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>

/* `xmlFree` is a global function-pointer variable, which Swift 6 rejects as not
   concurrency-safe; `xmlParserVersion` is a macro Swift cannot see. */
static inline void enquete_xml_free(void *pointer) { xmlFree(pointer); }
static inline const char *enquete_xml_parser_version(void) { return xmlParserVersion; }

#endif
