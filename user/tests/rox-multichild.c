/* rox-multichild: rox-child with a chain of five nested child-rox
 * processes, each unable to write the executable while any of them runs. */
#define ROX_DEPTH 5
#include "rox-child.c"
