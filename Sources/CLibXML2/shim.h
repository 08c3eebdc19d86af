#ifndef ENQUETE_CLIBXML2_SHIM_H
#define ENQUETE_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers then collide with Foundation's own ICU
   ("'UErrorCode' has different definitions in different modules"). We never use libxml2's
   ICU-based encoding handlers from Swift, so hide them. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlregexp.h>
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

/* The parser's current line (an int, right past 65 535); 0 without input. */
static inline int enquete_parser_line(xmlParserCtxtPtr parser) {
  return (parser != NULL && parser->input != NULL) ? parser->input->line : 0;
}

/* Where schema validity errors are, in SAX mode: the parser's current line, as libxml2's own text
   reader reports them (no column). */
static inline int enquete_parser_locator(void *context, const char **file, unsigned long *line) {
  xmlParserCtxtPtr parser = (xmlParserCtxtPtr)context;
  if (file != NULL) *file = NULL;
  if (line != NULL) *line = 0;
  if (parser == NULL || parser->input == NULL) return -1;
  if (line != NULL && parser->input->line > 0) *line = (unsigned long)parser->input->line;
  return 0;
}

/* Plugs a schema validation context into a parser's SAX stream. xmlSchemaSAXPlug keeps the
   addresses of the two pointers it is given and writes into them at unplug: they are the parser
   context's own `sax` and `userData` fields (as in libxml2's xmlSchemaValidateStream), heap memory
   that lives until xmlFreeParserCtxt, which must come after xmlSchemaSAXUnplug. */
static inline xmlSchemaSAXPlugPtr enquete_schema_sax_plug(xmlSchemaValidCtxtPtr validation, xmlParserCtxtPtr parser) {
  xmlSchemaValidateSetLocator(validation, enquete_parser_locator, parser);
  return xmlSchemaSAXPlug(validation, &parser->sax, &parser->userData);
}

#endif
