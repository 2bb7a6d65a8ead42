/* Names of the error codes, for messages. */
#include "kernel/errors.h"

const char *err_name(int err)
{
#define ERR_NAME(e) [-(e)] = #e
    static const char *const names[] = {
        ERR_NAME(ERR_OK),
        ERR_NAME(ERR_NO_MEMORY),
        ERR_NAME(ERR_NOT_FOUND),
        ERR_NAME(ERR_IO),
        ERR_NAME(ERR_INVALID),
        ERR_NAME(ERR_NO_SPACE),
        ERR_NAME(ERR_EXISTS),
        ERR_NAME(ERR_NOT_DIR),
        ERR_NAME(ERR_IS_DIR),
        ERR_NAME(ERR_NOT_EMPTY),
        ERR_NAME(ERR_TOO_MANY),
        ERR_NAME(ERR_BAD_FORMAT),
        ERR_NAME(ERR_NAME_TOO_LONG),
        ERR_NAME(ERR_BUSY),
        ERR_NAME(ERR_UNSUPPORTED),
        ERR_NAME(ERR_FAULT),
        ERR_NAME(ERR_TIMEOUT),
    };
#undef ERR_NAME
    int idx = -err;
    if (idx < 0 || idx >= (int)(sizeof names / sizeof names[0]) || !names[idx])
        return "ERR_UNKNOWN";
    return names[idx];
}
