#include "common/HugePages.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define BROKERLAB_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define BROKERLAB_SANITIZED 1
#endif
#endif

#if defined(__linux__) && defined(__GLIBC__) && !defined(BROKERLAB_SANITIZED)
#define BROKERLAB_RESTART_FOR_HUGE_PAGES 1
#include <gnu/libc-version.h>
#include <unistd.h>

#include <climits>
#endif

namespace brokerlab {

#if defined(BROKERLAB_RESTART_FOR_HUGE_PAGES)

namespace {

constexpr const char* kSwitch = "BROKERLAB_HUGE_PAGES";

// The tunable exists from glibc 2.35 on; an older glibc ignores it, and a restart would gain
// nothing.
bool glibcHasTunable() {
  int major = 0, minor = 0;
  return std::sscanf(gnu_get_libc_version(), "%d.%d", &major, &minor) == 2 &&
         (major > 2 || (major == 2 && minor >= 35));
}

// "always" or "madvise" (glibc asks with madvise); "never" switches them off for every program.
bool hugePagesOffered() {
  std::FILE* f = std::fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
  if (f == nullptr) return false;
  char line[128] = {};
  const bool read = std::fgets(line, sizeof line, f) != nullptr;
  std::fclose(f);
  return read && (std::strstr(line, "[always]") != nullptr || std::strstr(line, "[madvise]"));
}

}  // namespace

void restartWithHugePages(char** argv) {
  if (std::getenv(kSwitch) != nullptr) return;  // opted out, or this is the restarted program
  const char* preload = std::getenv("LD_PRELOAD");
  // Under valgrind the new program would run outside it (without --trace-children).
  if (preload != nullptr && std::strstr(preload, "vgpreload") != nullptr) return;
  if (!glibcHasTunable() || !hugePagesOffered()) return;
  char self[PATH_MAX];
  const ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
  if (length <= 0) return;
  self[length] = '\0';
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  const std::string before = tunables != nullptr ? tunables : "";
  if (before.find("glibc.malloc.hugetlb") != std::string::npos) return;  // the user's choice
  const std::string after =
      before.empty() ? "glibc.malloc.hugetlb=1" : before + ":glibc.malloc.hugetlb=1";
  if (setenv(kSwitch, "on", 1) != 0 || setenv("GLIBC_TUNABLES", after.c_str(), 1) != 0) return;
  execv(self, argv);
  // Not restarted: go on as this program, with the environment as it was.
  unsetenv(kSwitch);
  if (tunables != nullptr) {
    setenv("GLIBC_TUNABLES", before.c_str(), 1);
  } else {
    unsetenv("GLIBC_TUNABLES");
  }
}

#else

void restartWithHugePages(char**) {}

#endif

}  // namespace brokerlab
