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

/* The thread-local structured error handler and its context are macros: read them through these,
   to restore them after a read loop. */
static inline xmlStructuredErrorFunc enquete_structured_error_handler(void) { return xmlStructuredError; }
static inline void *enquete_structured_error_context(void) { return xmlStructuredErrorContext; }

/* The 16-bit line libxml2 keeps in a node: 65535 means "past 65534, look elsewhere". */
static inline unsigned short enquete_node_short_line(xmlNodePtr node) { return node ? node->line : 0; }

#endif
