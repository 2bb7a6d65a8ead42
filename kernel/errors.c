/* Names of the error codes, for messages. */
#include "kernel/errors.h"

const char *err_name(int err)
{
    static const char *const names[] = {
        "ERR_OK",       "ERR_NO_MEMORY",  "ERR_NOT_FOUND",     "ERR_IO",     "ERR_INVALID",
        "ERR_NO_SPACE", "ERR_EXISTS",     "ERR_NOT_DIR",       "ERR_IS_DIR", "ERR_NOT_EMPTY",
        "ERR_TOO_MANY", "ERR_BAD_FORMAT", "ERR_NAME_TOO_LONG", "ERR_BUSY",   "ERR_UNSUPPORTED",
        "ERR_FAULT",    "ERR_TIMEOUT",
    };
    int idx = -err;
    if (idx < 0 || idx >= (int)(sizeof names / sizeof names[0]))
        return "ERR_UNKNOWN";
    return names[idx];
}
