// The libsqlite3 functions crampd calls, loaded on first use: see lazy_library.h.
// A failed load reads as SQLITE_CANTOPEN from sqlite3_open_v2, with the loader's reason
// from sqlite3_errstr and sqlite3_errmsg; the others need a handle only a successful open makes.
#include <stddef.h>
#include "lazy_library.h"

// Hidden: the forwarders serve crampd's own calls and stay out of its dynamic symbol table.
#pragma GCC visibility push(hidden)
#include "shim.h"

static crampd_lazy_library sqlite = CRAMPD_LAZY_LIBRARY("libsqlite3.so.0");

#define FORWARD(fallback, ret, name, params, args) CRAMPD_LAZY_FORWARD(sqlite, fallback, ret, name, params, args)

int sqlite3_open_v2(const char *filename, sqlite3 **db, int flags, const char *vfs) {
    static void *slot;
    int (*real)(const char *, sqlite3 **, int, const char *) =
        (int (*)(const char *, sqlite3 **, int, const char *))crampd_lazy_symbol(&sqlite, &slot, "sqlite3_open_v2");
    if (!real) {
        *db = NULL;
        return SQLITE_CANTOPEN;
    }
    return real(filename, db, flags, vfs);
}

FORWARD(crampd_lazy_error(&sqlite), const char *, sqlite3_errstr, (int code), (code))
FORWARD(crampd_lazy_error(&sqlite), const char *, sqlite3_errmsg, (sqlite3 *db), (db))
FORWARD(SQLITE_MISUSE, int, sqlite3_extended_errcode, (sqlite3 *db), (db))
FORWARD(SQLITE_MISUSE, int, sqlite3_close, (sqlite3 *db), (db))
FORWARD(SQLITE_MISUSE, int, sqlite3_close_v2, (sqlite3 *db), (db))
FORWARD(SQLITE_MISUSE, int, sqlite3_busy_timeout, (sqlite3 *db, int ms), (db, ms))
FORWARD(SQLITE_MISUSE, int, sqlite3_exec,
        (sqlite3 *db, const char *sql, int (*callback)(void *, int, char **, char **), void *argument, char **error),
        (db, sql, callback, argument, error))
FORWARD(0, int, sqlite3_changes, (sqlite3 *db), (db))
FORWARD(0, sqlite3_int64, sqlite3_last_insert_rowid, (sqlite3 *db), (db))
FORWARD(0, int, sqlite3_get_autocommit, (sqlite3 *db), (db))

FORWARD(SQLITE_MISUSE, int, sqlite3_prepare_v2,
        (sqlite3 *db, const char *sql, int bytes, sqlite3_stmt **statement, const char **tail),
        (db, sql, bytes, statement, tail))
FORWARD(SQLITE_MISUSE, int, sqlite3_step, (sqlite3_stmt *statement), (statement))
FORWARD(SQLITE_MISUSE, int, sqlite3_reset, (sqlite3_stmt *statement), (statement))
FORWARD(SQLITE_MISUSE, int, sqlite3_finalize, (sqlite3_stmt *statement), (statement))
FORWARD(SQLITE_MISUSE, int, sqlite3_clear_bindings, (sqlite3_stmt *statement), (statement))
FORWARD(NULL, sqlite3 *, sqlite3_db_handle, (sqlite3_stmt *statement), (statement))

FORWARD(0, int, sqlite3_bind_parameter_count, (sqlite3_stmt *statement), (statement))
FORWARD(0, int, sqlite3_bind_parameter_index, (sqlite3_stmt *statement, const char *name), (statement, name))
FORWARD(SQLITE_MISUSE, int, sqlite3_bind_null, (sqlite3_stmt *statement, int index), (statement, index))
FORWARD(SQLITE_MISUSE, int, sqlite3_bind_int64, (sqlite3_stmt *statement, int index, sqlite3_int64 value), (statement, index, value))
FORWARD(SQLITE_MISUSE, int, sqlite3_bind_double, (sqlite3_stmt *statement, int index, double value), (statement, index, value))
FORWARD(SQLITE_MISUSE, int, sqlite3_bind_text,
        (sqlite3_stmt *statement, int index, const char *text, int bytes, void (*destructor)(void *)),
        (statement, index, text, bytes, destructor))
FORWARD(SQLITE_MISUSE, int, sqlite3_bind_blob,
        (sqlite3_stmt *statement, int index, const void *blob, int bytes, void (*destructor)(void *)),
        (statement, index, blob, bytes, destructor))
FORWARD(SQLITE_MISUSE, int, sqlite3_bind_zeroblob, (sqlite3_stmt *statement, int index, int bytes), (statement, index, bytes))

FORWARD(0, int, sqlite3_column_count, (sqlite3_stmt *statement), (statement))
FORWARD(NULL, const char *, sqlite3_column_name, (sqlite3_stmt *statement, int column), (statement, column))
FORWARD(SQLITE_NULL, int, sqlite3_column_type, (sqlite3_stmt *statement, int column), (statement, column))
FORWARD(0, sqlite3_int64, sqlite3_column_int64, (sqlite3_stmt *statement, int column), (statement, column))
FORWARD(0, double, sqlite3_column_double, (sqlite3_stmt *statement, int column), (statement, column))
FORWARD(NULL, const unsigned char *, sqlite3_column_text, (sqlite3_stmt *statement, int column), (statement, column))
FORWARD(NULL, const void *, sqlite3_column_blob, (sqlite3_stmt *statement, int column), (statement, column))
FORWARD(0, int, sqlite3_column_bytes, (sqlite3_stmt *statement, int column), (statement, column))

#pragma GCC visibility pop
