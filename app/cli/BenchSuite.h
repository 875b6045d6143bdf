#pragma once

#include "BenchModels.h"

#include <cstdint>
#include <optional>
#include <string>

namespace brokerlab::cli {

struct BenchResult {
  std::string model;
  std::string description;
  std::string unit;            // the model's size dimension (BenchDimension)
  std::uint64_t size = 0;      // along it
  std::uint64_t messages = 0;  // published by producers
  std::uint64_t events = 0;
  double wallS = 0;  // building the model and running it
  double runS = 0;   // running it: the rates divide by this, so a big model's set-up is apart
  std::uint64_t peakRssBytes = 0;
  std::uint64_t traceHash = 0;
  std::optional<double> waitMeanS;  // the first queue's mean wait, where there is one
};

// `captureTrace`: with every trace record captured and pulled in batches, as the window runs a
// simulation (the records are dropped after each pull).
BenchResult runBenchModel(const BenchModel& model, bool captureTrace = false);
std::string benchResultText(const BenchResult& r);
std::string benchResultJson(const BenchResult& r);

// Runs `model` in a child process (`bench --model NAME --scale F [--size N] --json`), so that its
// peak RSS is its own. Nothing, with `error` set, when the child failed or was interrupted.
std::optional<BenchResult> runBenchModelInChild(const std::string& model, double scale,
                                                std::optional<std::uint64_t> size,
                                                std::string* error);

// Runs every model in a process of its own (so that each peak RSS is its own), prints a table or
// JSON, and checks the suite's targets. Returns the exit code.
int runBenchSuite(double scale, bool json);

}  // namespace brokerlab::cli
