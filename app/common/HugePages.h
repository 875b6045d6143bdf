#pragma once

namespace brokerlab {

// Starts this program again, once, with glibc's heap on transparent huge pages (the tunable
// glibc.malloc.hugetlb=1, which glibc reads only when a program starts). A model with thousands of
// components reads a few cache lines of a dozen arrays and of each component's own small buffers
// per message, all at random places in a heap of hundreds of MiB; with 4 KiB pages nearly each of
// those reads also misses the TLB, which maps 8 MiB. With 2 MiB pages the 10,000-queue benchmark
// runs about a quarter faster (docs/benchmarks.md); nothing a run computes changes, only where
// memory is.
//
// Call first in main(), before any thread exists. It returns, and the program goes on as it is,
// where there is nothing to gain or it cannot be done: not glibc 2.35+ on Linux, a sanitizer build,
// under valgrind, transparent huge pages switched off, BROKERLAB_HUGE_PAGES already set (0 to opt
// out; the restarted program finds it set to "on"), or the restart failing.
void restartWithHugePages(char** argv);

}  // namespace brokerlab
