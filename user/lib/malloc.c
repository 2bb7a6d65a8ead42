/* malloc on a static heap. The heap is a sequence of blocks, each a
 * header followed by its payload; a header records the payload size and
 * whether the block is free. malloc takes the first free block that fits
 * (splitting it), free marks a block free and merges it with free blocks
 * that follow. Linear time, but small and easy to check. */
#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ALIGNMENT 16

struct block {
    size_t size; /* payload bytes, a multiple of ALIGNMENT */
    bool free;
    char pad[ALIGNMENT - sizeof(size_t) - sizeof(bool)];
};

static alignas(ALIGNMENT) unsigned char heap[USER_HEAP_SIZE];
static bool heap_ready;

/* heap_init: make the whole heap one free block (once). */
static void heap_init(void)
{
    struct block *b = (struct block *)heap;
    b->size = USER_HEAP_SIZE - sizeof(struct block);
    b->free = true;
    heap_ready = true;
}

static struct block *next_block(struct block *b)
{
    unsigned char *next = (unsigned char *)(b + 1) + b->size;
    return next < heap + USER_HEAP_SIZE ? (struct block *)next : NULL;
}

/* merge_following: absorb the free blocks right after free block B. */
static void merge_following(struct block *b)
{
    struct block *n;
    while ((n = next_block(b)) != NULL && n->free)
        b->size += sizeof(struct block) + n->size;
}

/* split: cut B down to SIZE bytes if the rest can hold another block. */
static void split(struct block *b, size_t size)
{
    if (b->size < size + sizeof(struct block) + ALIGNMENT)
        return;
    struct block *rest = (struct block *)((unsigned char *)(b + 1) + size);
    rest->size = b->size - size - sizeof(struct block);
    rest->free = true;
    b->size = size;
}

void *malloc(size_t size)
{
    if (!heap_ready)
        heap_init();
    if (size == 0 || size > USER_HEAP_SIZE)
        return NULL;
    size = (size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
    for (struct block *b = (struct block *)heap; b != NULL; b = next_block(b)) {
        if (!b->free)
            continue;
        merge_following(b);
        if (b->size >= size) {
            split(b, size);
            b->free = false;
            return b + 1;
        }
    }
    return NULL;
}

void free(void *ptr)
{
    if (ptr == NULL)
        return;
    struct block *b = (struct block *)ptr - 1;
    b->free = true;
    merge_following(b);
}

void *calloc(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    void *p = malloc(n * size);
    if (p != NULL)
        memset(p, 0, n * size);
    return p;
}

/* realloc: grow or shrink PTR's block to SIZE bytes, moving it if needed. */
void *realloc(void *ptr, size_t size)
{
    if (ptr == NULL)
        return malloc(size);
    if (size == 0) {
        free(ptr);
        return NULL;
    }
    struct block *b = (struct block *)ptr - 1;
    if (b->size >= size)
        return ptr;
    void *p = malloc(size);
    if (p != NULL) {
        memcpy(p, ptr, b->size);
        free(ptr);
    }
    return p;
}
