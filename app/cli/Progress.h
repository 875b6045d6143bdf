#pragma once

// One line of progress on stderr, redrawn in place a few times a second, only when stderr is a
// terminal (a script or a pipe gets nothing): how far, how fast, how long to go.

#include <chrono>
#include <cstdint>
#include <string>

namespace brokerlab::cli {

class Progress {
 public:
  explicit Progress(std::string what);
  ~Progress();  // clears the line

  // A run: simulated seconds done of `totalS`, and events so far.
  void simulated(double doneS, double totalS, std::uint64_t events);
  // Items done of `total` ("seeds", "models"), and what is being done now.
  void items(std::uint64_t done, std::uint64_t total, const char* unit, const std::string& now);

 private:
  bool due();
  void show(const std::string& line, double fraction);

  std::string what_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace brokerlab::cli
