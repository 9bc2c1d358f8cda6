// libpq from Debian libpq-dev (its header lives under /usr/include/postgresql).
#include <libpq-fe.h>
