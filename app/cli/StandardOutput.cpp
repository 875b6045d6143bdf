#include "StandardOutput.h"

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>

namespace brokerlab::cli {

namespace {

// The first failure's errno: glibc drops its buffer after a failed write, and a later fflush
// then succeeds with nothing to say.
int firstError = 0;

void note(bool ok) {
  if (!ok && firstError == 0) firstError = errno != 0 ? errno : EIO;
}

}  // namespace

void printOut(std::string_view text) {
  errno = 0;
  note(std::fwrite(text.data(), 1, text.size(), stdout) == text.size());
}

void printfOut(const char* format, ...) {
  std::va_list args;
  va_start(args, format);
  errno = 0;
  note(std::vfprintf(stdout, format, args) >= 0);
  va_end(args);
}

std::string finishStandardOutput() {
  errno = 0;
  note(std::fflush(stdout) == 0);
  if (firstError == 0 && std::ferror(stdout)) firstError = EIO;
  return firstError == 0 ? std::string() : std::string(std::strerror(firstError));
}

}  // namespace brokerlab::cli
