// SQLite, the embedded log's storage.
#include <sqlite3.h>
