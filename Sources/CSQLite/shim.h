#ifndef LINEGUARD_CSQLITE_SHIM_H
#define LINEGUARD_CSQLITE_SHIM_H
// The one door to SQLite. Everything here exists because Swift cannot import it directly.
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift does not import. Binding
// with it makes SQLite copy the text or blob before sqlite3_bind_* returns.
static inline sqlite3_destructor_type lg_sqlite_transient(void) { return SQLITE_TRANSIENT; }

// SQLITE_STATIC (0): SQLite may use the buffer until the statement is reset or rebound.
static inline sqlite3_destructor_type lg_sqlite_static(void) { return SQLITE_STATIC; }

#endif
