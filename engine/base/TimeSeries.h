#pragma once

#include "base/SimTime.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace brokerlab {

// The most points all of a run's time series may hold together (16 MiB of doubles; three times
// that with envelopes). Each series gets an equal share, at least 64 points: past 32,768 series
// (a model with thousands of queues) the total is 64 points a series.
inline constexpr std::size_t kSeriesPointBudget = std::size_t{1} << 21;

// A sample with no value: an interval in which nothing was measured (no delivery to take a wait
// percentile from, no instance to be utilized). Written as an empty field in the metrics CSV and
// skipped by the charts. One constant NaN, never computed, so equal runs hold equal bits.
inline constexpr double kSeriesGap = std::numeric_limits<double>::quiet_NaN();
inline bool isSeriesGap(double v) {
  return std::isnan(v);
}

// A series of values sampled every `baseStep` of simulated time, with bounded memory: when it holds
// `capacity` points, neighbouring points are averaged in pairs and each point then covers twice
// the time. Long runs keep their whole history at a coarser step instead of losing the start.
//
// With an envelope (the window's charts ask for one) each point also keeps the lowest and highest
// sample it stands for, so a one-sample spike survives any amount of averaging; the reports and
// the metrics CSV use the means alone.
//
// Gaps (kSeriesGap) are left out of the averaging: a point is the mean of the samples it stands
// for that are not gaps, and a gap only when all of them are; two points merged when the series
// halves are the mean of those of the two that are not gaps (equal weights, as for any pair).
//
// Memory: 8 bytes a point (24 with an envelope) up to `capacity` points, whatever the run's
// length: a one-hour run sampled every 10 ms (360,000 samples) holds at most `capacity` points.
class TimeSeries {
 public:
  explicit TimeSeries(SimTime baseStep = kSecond, std::size_t capacity = 2048,
                      bool envelope = false)
      : baseStep_(baseStep),
        capacity_(capacity < 2 ? 2 : capacity & ~std::size_t{1}),
        envelope_(envelope) {}

  void append(double v) {
    if (stride_ == 1 && !envelope_) {  // each sample is a point (as below: 0 + v, a gap as is)
      points_.push_back(isSeriesGap(v) ? kSeriesGap : 0.0 + v);
      if (points_.size() == capacity_) halve();
      return;
    }
    if (!isSeriesGap(v)) {
      pendingSum_ += v;
      if (envelope_) {
        if (pendingValues_ == 0 || v < pendingMin_) pendingMin_ = v;
        if (pendingValues_ == 0 || v > pendingMax_) pendingMax_ = v;
      }
      ++pendingValues_;
    }
    if (++pendingCount_ < stride_) return;
    const bool gap = pendingValues_ == 0;
    points_.push_back(gap ? kSeriesGap : pendingSum_ / static_cast<double>(pendingValues_));
    if (envelope_) {
      mins_.push_back(gap ? kSeriesGap : pendingMin_);
      maxs_.push_back(gap ? kSeriesGap : pendingMax_);
    }
    pendingSum_ = 0;
    pendingCount_ = 0;
    pendingValues_ = 0;
    if (points_.size() == capacity_) halve();
  }

  // Room for `points` points (at most the capacity) before any is appended.
  void reserve(std::size_t points) {
    const std::size_t n = points < capacity_ ? points : capacity_;
    points_.reserve(n);
    if (envelope_) {
      mins_.reserve(n);
      maxs_.reserve(n);
    }
  }

  const std::vector<double>& points() const { return points_; }
  // Empty without an envelope; else as long as points(): the lowest and highest sample of each.
  const std::vector<double>& mins() const { return mins_; }
  const std::vector<double>& maxs() const { return maxs_; }
  SimTime step() const { return baseStep_ * static_cast<SimTime>(stride_); }
  // End of the window that point i summarises.
  SimTime timeOf(std::size_t i) const { return step() * static_cast<SimTime>(i + 1); }
  // The heap bytes a copy holds (what a checkpoint costs): the points, not the room reserved for
  // the rest of the run, which a copy does not take.
  std::size_t memoryBytes() const {
    return (points_.size() + mins_.size() + maxs_.size()) * sizeof(double);
  }
  // Bit for bit, so that gaps (NaN, which equals nothing) compare equal in equal runs.
  bool operator==(const TimeSeries& o) const {
    return baseStep_ == o.baseStep_ && capacity_ == o.capacity_ && envelope_ == o.envelope_ &&
           sameBits(points_, o.points_) && sameBits(mins_, o.mins_) && sameBits(maxs_, o.maxs_) &&
           stride_ == o.stride_ && pendingCount_ == o.pendingCount_ &&
           pendingValues_ == o.pendingValues_ && sameBits(pendingSum_, o.pendingSum_) &&
           sameBits(pendingMin_, o.pendingMin_) && sameBits(pendingMax_, o.pendingMax_);
  }

 private:
  static bool sameBits(double a, double b) {
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
  }
  static bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!sameBits(a[i], b[i])) return false;
    return true;
  }
  // The mean of a pair, a gap left out.
  static double meanOf(double a, double b) {
    if (isSeriesGap(a)) return b;
    if (isSeriesGap(b)) return a;
    return (a + b) / 2;
  }
  // The one of a pair that `pick` prefers (the lower, the higher), a gap left out.
  template <typename Pick>
  static double pickOf(double a, double b, Pick pick) {
    if (isSeriesGap(a)) return b;
    if (isSeriesGap(b)) return a;
    return pick(a, b) ? a : b;
  }

  void halve() {
    for (std::size_t i = 0; i < points_.size() / 2; ++i)
      points_[i] = meanOf(points_[2 * i], points_[2 * i + 1]);
    points_.resize(points_.size() / 2);
    if (envelope_) {
      for (std::size_t i = 0; i < mins_.size() / 2; ++i) {
        mins_[i] = pickOf(mins_[2 * i], mins_[2 * i + 1], [](double a, double b) { return a < b; });
        maxs_[i] = pickOf(maxs_[2 * i], maxs_[2 * i + 1], [](double a, double b) { return a > b; });
      }
      mins_.resize(mins_.size() / 2);
      maxs_.resize(maxs_.size() / 2);
    }
    stride_ *= 2;
  }

  SimTime baseStep_;
  std::size_t capacity_;
  bool envelope_;
  std::vector<double> points_;
  std::vector<double> mins_;
  std::vector<double> maxs_;
  std::uint64_t stride_ = 1;
  std::uint64_t pendingCount_ = 0;   // samples since the last point
  std::uint64_t pendingValues_ = 0;  // of those, the ones that are not gaps
  double pendingSum_ = 0;
  double pendingMin_ = 0;
  double pendingMax_ = 0;
};

}  // namespace brokerlab
