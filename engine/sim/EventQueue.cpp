#include "sim/EventQueue.h"

#include <algorithm>

namespace brokerlab {

// A 4-ary heap: half the depth of a binary heap and children that share a cache line.
namespace {
constexpr std::size_t kArity = 4;
}  // namespace

void EventQueue::heapPush(SimTime time, std::uint64_t seqKind, std::uint32_t a, std::uint32_t b) {
  if (heapSize_ == heap_.size()) [[unlikely]]
    return growAndPush(time, seqKind, a, b);
  Event* const h = heap_.data();
  std::size_t i = heapSize_++;
  while (i > 0) {
    const std::size_t parent = (i - 1) / kArity;
    const Event& p = h[parent];
    if (!((time < p.time) | ((time == p.time) & (seqKind < p.seqKind)))) break;
    h[i] = p;
    i = parent;
  }
  Event& slot = h[i];
  slot.time = time;
  slot.seqKind = seqKind;
  slot.a = a;
  slot.b = b;
}

[[gnu::noinline]] void EventQueue::growAndPush(SimTime time, std::uint64_t seqKind, std::uint32_t a,
                                               std::uint32_t b) {
  heap_.resize(std::max<std::size_t>(16, heap_.size() * 2));
  heapPush(time, seqKind, a, b);
}

void EventQueue::heapPop(Event& out) {
  out = heap_[0];
  const std::size_t n = --heapSize_;
  const Event last = heap_[n];
  if (n == 0) return;
  std::size_t i = 0;
  for (;;) {
    const std::size_t first = i * kArity + 1;
    if (first >= n) break;
    std::size_t best = first;
    if (first + kArity <= n) {
      // All four children: pick the earliest without branches. Which child wins is a coin toss
      // the branch predictor loses about half the time, at every level of every pop.
      const std::size_t a = first + heap_[first + 1].before(heap_[first]);
      const std::size_t b = first + 2 + heap_[first + 3].before(heap_[first + 2]);
      best = heap_[b].before(heap_[a]) ? b : a;
    } else {
      for (std::size_t c = first + 1; c < n; ++c)
        if (heap_[c].before(heap_[best])) best = c;
    }
    if (!heap_[best].before(last)) break;
    heap_[i] = heap_[best];
    i = best;
  }
  heap_[i] = last;
}

}  // namespace brokerlab
