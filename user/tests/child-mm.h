/* What child-mm-write and child-mm-touch share with their parents. */
#pragma once
#define CHILD_MM_SEED 21   /* pattern child-mm-write writes */
#define CHILD_MM_STATUS 77 /* their exit status when all went well */
