/* Intrusive doubly-linked list with a sentinel head (Linux/PintOS style).
 * A list_node is embedded in the element; list_entry() recovers the element.
 * The list itself does no locking: its owner's lock guards it. */
#pragma once
#include <stdbool.h>
#include <stddef.h>

struct list_node {
    struct list_node *prev, *next;
};

/* A list is a sentinel node; an empty list points at itself. */
struct list {
    struct list_node head;
};

#define container_of(ptr, type, member) ((type *)((char *)(ptr)-offsetof(type, member)))
#define list_entry(node, type, member)  container_of(node, type, member)

/* Iterate over the nodes of LIST; the body must not remove NODE. */
#define list_for_each(node, list) \
    for (struct list_node *node = (list)->head.next; node != &(list)->head; node = node->next)

/* Iterate allowing removal of NODE inside the body. */
#define list_for_each_safe(node, tmp, list)                                                    \
    for (struct list_node *node = (list)->head.next, *tmp = node->next; node != &(list)->head; \
         node = tmp, tmp = node->next)

/* list_init: make LIST empty. */
static inline void list_init(struct list *list)
{
    list->head.prev = list->head.next = &list->head;
}

/* list_node_init: mark NODE as not on any list (list_node_linked is false). */
static inline void list_node_init(struct list_node *node)
{
    node->prev = node->next = NULL;
}

/* list_node_linked: true if NODE is currently on a list. */
static inline bool list_node_linked(const struct list_node *node)
{
    return node->next != NULL;
}

static inline bool list_empty(const struct list *list)
{
    return list->head.next == &list->head;
}

/* list_insert_before: link NODE just before POS (POS may be the head). */
static inline void list_insert_before(struct list_node *pos, struct list_node *node)
{
    node->prev = pos->prev;
    node->next = pos;
    pos->prev->next = node;
    pos->prev = node;
}

static inline void list_push_back(struct list *list, struct list_node *node)
{
    list_insert_before(&list->head, node);
}

static inline void list_push_front(struct list *list, struct list_node *node)
{
    list_insert_before(list->head.next, node);
}

/* list_remove: unlink NODE from its list; NODE must be linked. */
static inline void list_remove(struct list_node *node)
{
    node->prev->next = node->next;
    node->next->prev = node->prev;
    list_node_init(node);
}

static inline struct list_node *list_front(const struct list *list)
{
    return list_empty(list) ? NULL : list->head.next;
}

static inline struct list_node *list_back(const struct list *list)
{
    return list_empty(list) ? NULL : list->head.prev;
}

/* list_pop_front: unlink and return the first node, or NULL if empty. */
static inline struct list_node *list_pop_front(struct list *list)
{
    struct list_node *node = list_front(list);
    if (node)
        list_remove(node);
    return node;
}

/* list_size: number of nodes (walks the list). */
static inline size_t list_size(const struct list *list)
{
    size_t n = 0;
    list_for_each(node, list) n++;
    return n;
}
