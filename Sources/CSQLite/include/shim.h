#ifndef CRAMPD_CSQLITE_SHIM_H
#define CRAMPD_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
