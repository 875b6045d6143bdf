#include "Progress.h"

#include <unistd.h>

#include <cstdio>

namespace brokerlab::cli {

namespace {

using Clock = std::chrono::steady_clock;

// Redrawing more often is noise on the terminal; the first line waits as long, so a short run
// shows none.
constexpr auto kEvery = std::chrono::milliseconds(250);

std::string duration(double s) {
  char buf[32];
  const long whole = static_cast<long>(s + 0.5);
  if (whole < 60) {
    std::snprintf(buf, sizeof buf, "%lds", whole);
  } else if (whole < 3600) {
    std::snprintf(buf, sizeof buf, "%ldm%02lds", whole / 60, whole % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%.1fh", s / 3600);
  }
  return buf;
}

}  // namespace

Progress::Progress(std::string what)
    : what_(std::move(what)),
      enabled_(::isatty(STDERR_FILENO) == 1),
      start_(Clock::now()),
      last_(start_) {}

Progress::~Progress() {
  if (shown_) std::fputs("\r\x1b[K", stderr);  // the report follows on a clean line
}

bool Progress::due() {
  if (!enabled_) return false;
  const auto now = Clock::now();
  if (now - last_ < kEvery) return false;
  last_ = now;
  return true;
}

void Progress::show(const std::string& line, double fraction) {
  const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
  std::string text = "\r" + what_ + ": " + line;
  if (fraction > 0 && fraction < 1)
    text += ", ETA " + duration(elapsed * (1 - fraction) / fraction);
  text += "  (Ctrl-C stops it and reports)\x1b[K";
  std::fputs(text.c_str(), stderr);
  std::fflush(stderr);
  shown_ = true;
}

void Progress::simulated(double doneS, double totalS, std::uint64_t events) {
  if (!due()) return;
  const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
  char buf[160];
  std::snprintf(buf, sizeof buf, "%.6gs of %.6gs simulated (%.0f%%), %.3g M events/s", doneS,
                totalS, totalS > 0 ? 100 * doneS / totalS : 0.0,
                elapsed > 0 ? static_cast<double>(events) / elapsed / 1e6 : 0.0);
  show(buf, totalS > 0 ? doneS / totalS : 0);
}

void Progress::items(std::uint64_t done, std::uint64_t total, const char* unit,
                     const std::string& now) {
  if (!due()) return;
  char buf[160];
  std::snprintf(buf, sizeof buf, "%llu of %llu %s (%.0f%%)", static_cast<unsigned long long>(done),
                static_cast<unsigned long long>(total), unit,
                total > 0 ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 0.0);
  show(std::string(buf) + (now.empty() ? "" : ", " + now),
       total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 0);
}

}  // namespace brokerlab::cli
