/* Unit tests of the intrusive list (kernel/list.h): insertion at both ends
 * and before a node, removal, iteration (plain and removal-safe), the
 * linked flag, and container recovery. Elements live on the stack. */
#include "kernel/ktest.h"
#include "kernel/list.h"

#define ELEM_COUNT 8

struct elem {
    int value;
    struct list_node node;
};

/* fill: ELEMS[i].value = i, pushed back in order onto L. */
static void fill(struct list *l, struct elem *elems, int n)
{
    list_init(l);
    for (int i = 0; i < n; i++) {
        elems[i].value = i;
        list_push_back(l, &elems[i].node);
    }
}

static int value_of(struct list_node *n)
{
    return list_entry(n, struct elem, node)->value;
}

KTEST(list, empty)
{
    struct list l;
    list_init(&l);
    KT_ASSERT(list_empty(&l));
    KT_ASSERT(list_size(&l) == 0);
    KT_ASSERT(list_front(&l) == NULL);
    KT_ASSERT(list_back(&l) == NULL);
    KT_ASSERT(list_pop_front(&l) == NULL);
    int visited = 0;
    list_for_each(n, &l) visited++;
    KT_ASSERT(visited == 0);
}

KTEST(list, push_back_order)
{
    struct list l;
    struct elem e[ELEM_COUNT];
    fill(&l, e, ELEM_COUNT);
    KT_ASSERT(!list_empty(&l));
    KT_ASSERT(list_size(&l) == ELEM_COUNT);
    int expect = 0;
    list_for_each(n, &l) KT_ASSERT(value_of(n) == expect++);
    KT_ASSERT(expect == ELEM_COUNT);
    KT_ASSERT(value_of(list_front(&l)) == 0);
    KT_ASSERT(value_of(list_back(&l)) == ELEM_COUNT - 1);
}

KTEST(list, push_front_order)
{
    struct list l;
    struct elem e[ELEM_COUNT];
    list_init(&l);
    for (int i = 0; i < ELEM_COUNT; i++) {
        e[i].value = i;
        list_push_front(&l, &e[i].node);
    }
    int expect = ELEM_COUNT - 1;
    list_for_each(n, &l) KT_ASSERT(value_of(n) == expect--);
    KT_ASSERT(expect == -1);
}

KTEST(list, backward_links)
{
    struct list l;
    struct elem e[ELEM_COUNT];
    fill(&l, e, ELEM_COUNT);
    int expect = ELEM_COUNT - 1;
    for (struct list_node *n = l.head.prev; n != &l.head; n = n->prev)
        KT_ASSERT(value_of(n) == expect--);
    KT_ASSERT(expect == -1);
}

KTEST(list, insert_before)
{
    struct list l;
    struct elem e[3], mid = {.value = 100};
    fill(&l, e, 3);
    list_insert_before(&e[1].node, &mid.node);
    static const int want[] = {0, 100, 1, 2};
    int i = 0;
    list_for_each(n, &l) KT_ASSERT(value_of(n) == want[i++]);
    KT_ASSERT(i == 4);
}

KTEST(list, remove_and_linked)
{
    struct list l;
    struct elem e[ELEM_COUNT], lone;
    list_node_init(&lone.node);
    KT_ASSERT(!list_node_linked(&lone.node));
    fill(&l, e, ELEM_COUNT);
    KT_ASSERT(list_node_linked(&e[3].node));
    list_remove(&e[3].node);
    KT_ASSERT(!list_node_linked(&e[3].node));
    list_remove(&e[0].node);              /* first */
    list_remove(&e[ELEM_COUNT - 1].node); /* last */
    KT_ASSERT(list_size(&l) == ELEM_COUNT - 3);
    KT_ASSERT(value_of(list_front(&l)) == 1);
    KT_ASSERT(value_of(list_back(&l)) == ELEM_COUNT - 2);
    list_for_each(n, &l) KT_ASSERT(value_of(n) != 3);
}

KTEST(list, pop_front_drains)
{
    struct list l;
    struct elem e[ELEM_COUNT];
    fill(&l, e, ELEM_COUNT);
    for (int i = 0; i < ELEM_COUNT; i++) {
        struct list_node *n = list_pop_front(&l);
        KT_ASSERT(n && value_of(n) == i);
        KT_ASSERT(!list_node_linked(n));
    }
    KT_ASSERT(list_empty(&l));
    KT_ASSERT(list_pop_front(&l) == NULL);
}

KTEST(list, for_each_safe_removes_odd)
{
    struct list l;
    struct elem e[ELEM_COUNT];
    fill(&l, e, ELEM_COUNT);
    list_for_each_safe(n, tmp, &l)
    {
        if (value_of(n) % 2)
            list_remove(n);
    }
    KT_ASSERT(list_size(&l) == ELEM_COUNT / 2);
    int expect = 0;
    list_for_each(n, &l)
    {
        KT_ASSERT(value_of(n) == expect);
        expect += 2;
    }
    list_for_each_safe(n, tmp, &l) list_remove(n);
    KT_ASSERT(list_empty(&l));
}

KTEST(list, reinsert_after_remove)
{
    struct list a, b;
    struct elem e[2];
    fill(&a, e, 2);
    list_init(&b);
    list_remove(&e[0].node);
    list_push_back(&b, &e[0].node);
    KT_ASSERT(list_size(&a) == 1 && list_size(&b) == 1);
    KT_ASSERT(value_of(list_front(&a)) == 1);
    KT_ASSERT(value_of(list_front(&b)) == 0);
    KT_ASSERT(list_entry(list_front(&b), struct elem, node) == &e[0]);
}
