/* Helpers shared by the bundled test programs. A test prints lines
 * "(NAME) message" with msg(); fail() prints "(NAME) FAIL: message" and
 * exits with TEST_FAIL_STATUS. Tests built with main.c only define
 * test_main(): main() sets test_name from argv[0] and prints the
 * "begin"/"end" lines around it. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syscall.h>

#define PAGE_SIZE 4096
#define TEST_FAIL_STATUS 1
/* Exit status a child-simple process returns (and its parents check). */
#define CHILD_SIMPLE_STATUS 81
/* Exit status of a process the kernel killed, and what wait() reports. */
#define KILLED_STATUS (-1)
/* The kernel's documented descriptor limits (proc/fd.h): descriptor
 * numbers [0, FD_LIMIT), at most FD_FILES_MAX files opened at once; open()
 * returns the lowest free number from FD_FIRST_FILE on (ABI.md). */
#define FD_LIMIT 1024
#define FD_FILES_MAX 128
#define FD_FIRST_FILE 2

/* Name printed in parentheses by msg() and fail(). */
extern const char *test_name;

/* test_main: the body of a test that uses the shared main(). */
void test_main(void);

/* msg: print "(test_name) " FMT "\n" with one write. */
void msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* fail: print "(test_name) FAIL: " FMT "\n" and exit(TEST_FAIL_STATUS). */
__attribute__((noreturn)) void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* CHECK: if COND, msg(...) else fail(...) with the same message. */
#define CHECK(cond, ...) ((cond) ? msg(__VA_ARGS__) : fail(__VA_ARGS__))

/* get_boundary_area: an address on a page boundary inside a page-aligned
 * static buffer, with PAGE_SIZE valid bytes on both sides. */
char *get_boundary_area(void);
/* copy_string_across_boundary: copy SRC into the boundary area so that it
 * straddles the page boundary (its first half on the lower page); returns
 * the copy. */
char *copy_string_across_boundary(const char *src);

/* spawn: fork a child named after the first word of CMDLINE that execs
 * CMDLINE; returns the child's pid (fails the test if fork fails). */
pid_t spawn(const char *cmdline);
/* check_bytes: fail unless the SIZE bytes at ACTUAL equal EXPECTED;
 * WHAT names the data in the message. */
void check_bytes(const void *actual, const void *expected, size_t size, const char *what);
/* check_sample_read: read LEN bytes through FD, whose offset the caller
 * knows to be OFS, and fail unless they are sample.txt's bytes from OFS on. */
void check_sample_read(int fd, size_t ofs, size_t len);
/* check_file: read file NAME to its end and compare it with the SIZE bytes
 * at EXPECTED; prints "verified contents of \"NAME\"". */
void check_file(const char *name, const void *expected, size_t size);
