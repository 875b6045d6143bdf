#pragma once

#include "base/SimTime.h"

#include <cstdint>
#include <vector>

namespace brokerlab {

// The most points all of a run's time series may hold together (16 MiB of doubles).
inline constexpr std::size_t kSeriesPointBudget = std::size_t{1} << 21;

// A series of values sampled every `baseStep` of simulated time, with bounded memory: when it holds
// `capacity` points, neighbouring points are averaged in pairs and each point then covers twice
// the time. Long runs keep their whole history at a coarser step instead of losing the start.
//
// With an envelope (the window's charts ask for one) each point also keeps the lowest and highest
// sample it stands for, so a one-sample spike survives any amount of averaging; the reports and
// the metrics CSV use the means alone.
class TimeSeries {
 public:
  explicit TimeSeries(SimTime baseStep = kSecond, std::size_t capacity = 2048,
                      bool envelope = false)
      : baseStep_(baseStep),
        capacity_(capacity < 2 ? 2 : capacity & ~std::size_t{1}),
        envelope_(envelope) {}

  void append(double v) {
    pendingSum_ += v;
    if (envelope_) {
      if (pendingCount_ == 0 || v < pendingMin_) pendingMin_ = v;
      if (pendingCount_ == 0 || v > pendingMax_) pendingMax_ = v;
    }
    if (++pendingCount_ < stride_) return;
    points_.push_back(pendingSum_ / static_cast<double>(stride_));
    if (envelope_) {
      mins_.push_back(pendingMin_);
      maxs_.push_back(pendingMax_);
    }
    pendingSum_ = 0;
    pendingCount_ = 0;
    if (points_.size() == capacity_) halve();
  }

  const std::vector<double>& points() const { return points_; }
  // Empty without an envelope; else as long as points(): the lowest and highest sample of each.
  const std::vector<double>& mins() const { return mins_; }
  const std::vector<double>& maxs() const { return maxs_; }
  SimTime step() const { return baseStep_ * static_cast<SimTime>(stride_); }
  // End of the window that point i summarises.
  SimTime timeOf(std::size_t i) const { return step() * static_cast<SimTime>(i + 1); }
  std::size_t memoryBytes() const {  // heap bytes
    return (points_.capacity() + mins_.capacity() + maxs_.capacity()) * sizeof(double);
  }
  bool operator==(const TimeSeries&) const = default;

 private:
  void halve() {
    for (std::size_t i = 0; i < points_.size() / 2; ++i)
      points_[i] = (points_[2 * i] + points_[2 * i + 1]) / 2;
    points_.resize(points_.size() / 2);
    if (envelope_) {
      for (std::size_t i = 0; i < mins_.size() / 2; ++i) {
        mins_[i] = mins_[2 * i] < mins_[2 * i + 1] ? mins_[2 * i] : mins_[2 * i + 1];
        maxs_[i] = maxs_[2 * i] > maxs_[2 * i + 1] ? maxs_[2 * i] : maxs_[2 * i + 1];
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
  std::uint64_t pendingCount_ = 0;
  double pendingSum_ = 0;
  double pendingMin_ = 0;
  double pendingMax_ = 0;
};

}  // namespace brokerlab
