#include "ReferenceKernel.h"

#include <chrono>
#include <cmath>
#include <deque>
#include <queue>
#include <vector>

namespace brokerlab::cli {

namespace {

// xorshift64*: enough for a reference whose figures are rates, not distributions.
struct Random {
  std::uint64_t s;
  double open01() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return (static_cast<double>((s * 2685821657736338717ULL) >> 11) + 0.5) / 9007199254740992.0;
  }
  double exponential(double rate) { return -std::log(open01()) / rate; }
};

struct Event {
  double time;
  std::uint64_t seq;  // ties in time go in the order they were scheduled
  std::uint32_t queue;
  bool arrival;
  bool operator>(const Event& o) const { return time != o.time ? time > o.time : seq > o.seq; }
};

struct Queue {
  std::deque<double> waiting;  // arrival times
  bool busy = false;
  std::uint64_t arrived = 0;
  Random rng;
};

}  // namespace

ReferenceResult runReferenceKernel(const ReferenceWorkload& w) {
  const auto t0 = std::chrono::steady_clock::now();
  std::priority_queue<Event, std::vector<Event>, std::greater<>> events;
  std::vector<Queue> queues(w.queues);
  std::uint64_t seq = 0;
  for (std::uint32_t q = 0; q < w.queues; ++q) {
    queues[q].rng.s = (w.seed * 0x9E3779B97F4A7C15ULL) ^ (q + 1) * 0xBF58476D1CE4E5B9ULL;
    if (queues[q].rng.s == 0) queues[q].rng.s = 1;
    events.push({queues[q].rng.exponential(w.lambda), seq++, q, true});
  }
  ReferenceResult r;
  double waitSum = 0;
  std::uint64_t served = 0;
  while (!events.empty()) {
    const Event e = events.top();
    events.pop();
    ++r.events;
    Queue& q = queues[e.queue];
    if (e.arrival) {
      ++r.messages;
      if (++q.arrived < w.messagesPerQueue)
        events.push({e.time + q.rng.exponential(w.lambda), seq++, e.queue, true});
      if (!q.busy) {
        q.busy = true;
        ++served;  // waited 0
        events.push({e.time + q.rng.exponential(w.mu), seq++, e.queue, false});
      } else {
        q.waiting.push_back(e.time);
      }
    } else if (q.waiting.empty()) {
      q.busy = false;
    } else {
      waitSum += e.time - q.waiting.front();
      q.waiting.pop_front();
      ++served;
      events.push({e.time + q.rng.exponential(w.mu), seq++, e.queue, false});
    }
  }
  r.runS = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.waitMeanS = served ? waitSum / static_cast<double>(served) : 0;
  return r;
}

}  // namespace brokerlab::cli
