// libpq, PostgreSQL's client library. pkg-config adds its include directory (Debian puts the header
// under /usr/include/postgresql), so the plain name resolves.
#include <libpq-fe.h>
