// For tests/cli/tst_hugepages: starts as the programs do (restartWithHugePages first), then prints
// what the program it ended up as sees: the switch, glibc's tunables and its process id.

#include "common/HugePages.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

int main(int, char** argv) {
  const long pidAtStart = static_cast<long>(getpid());
  brokerlab::restartWithHugePages(argv);
  const char* flag = std::getenv("BROKERLAB_HUGE_PAGES");
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  std::printf("switch=%s\ntunables=%s\npid=%ld\n", flag ? flag : "-", tunables ? tunables : "-",
              pidAtStart);
  return 0;
}
