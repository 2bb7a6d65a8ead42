/* Named error codes: the one error convention of the kernel.
 * Functions that can fail recoverably return 0 (ERR_OK) or a non-negative
 * result on success and one of these negative codes on failure. */
#pragma once

enum {
    ERR_OK = 0,
    ERR_NO_MEMORY = -1,   /* out of frames or heap */
    ERR_NOT_FOUND = -2,   /* no such file, device, entry */
    ERR_IO = -3,          /* device reported an error */
    ERR_INVALID = -4,     /* bad argument */
    ERR_NO_SPACE = -5,    /* disk full or no free inode */
    ERR_EXISTS = -6,      /* name already exists */
    ERR_NOT_DIR = -7,     /* path component is not a directory */
    ERR_IS_DIR = -8,      /* operation not allowed on a directory */
    ERR_NOT_EMPTY = -9,   /* directory not empty */
    ERR_TOO_MANY = -10,   /* table full (fds, processes, ...) */
    ERR_BAD_FORMAT = -11, /* malformed ELF, superblock, partition table */
    ERR_NAME_TOO_LONG = -12,
    ERR_BUSY = -13,        /* resource in use */
    ERR_UNSUPPORTED = -14, /* feature not implemented */
    ERR_FAULT = -15,       /* bad user pointer */
    ERR_TIMEOUT = -16,
};

/* err_name: a short constant name for an error code, for messages. */
const char *err_name(int err);
