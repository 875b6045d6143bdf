#pragma once

// What queueing theory says a queue should show, where the model makes it a textbook system:
// Poisson arrivals from producers that publish straight to it, one consumer with prefetch 1 and
// no failures, no faults, no expiry. Then
//   M/G/1 (one instance; Pollaczek-Khinchine, named M/M/1 or M/D/1 for exponential or constant
//         service): Wq = lambda E[S'^2] / (2 (1 - rho)), where S' is the service time plus the
//         consumer link's round trip (an ack up, the next delivery down), which the server waits
//         through under prefetch 1;
//   M/M/c (c instances, exponential service, links that take no time; Erlang C):
//         Wq = C(c, a) / (c mu - lambda), a = lambda / mu;
//   M/M/1/K (a reject-publish queue of max_length K - 1 and one instance, exponential service,
//         links that take no time): the queue length distribution of the finite birth-death
//         chain, its blocking probability P_K, and Wq = Lq / (lambda (1 - P_K)).
// Little's law (Lq = lambda Wq) then gives the mean number waiting. Anything else gets the
// reason there is no closed form, so the window can say why instead of showing nothing.

#include "model/Model.h"

#include <cstdint>
#include <string>

namespace brokerlab {

struct QueueTheory {
  std::string system;  // "M/M/1", "M/D/1", "M/G/1", "M/M/3", "M/M/1/K" (with K); empty: none
  std::string whyNot;  // when there is no closed form: why not
  double lambda = 0;   // arrivals per second (accepted ones, for M/M/1/K)
  double mu = 0;       // services per second of one instance (of S' for M/G/1)
  std::uint32_t servers = 0;
  double rho = 0;        // utilization of the servers: lambda / (c mu), offered load for M/M/1/K
  double waitS = 0;      // Wq: mean wait in the queue (enqueue to delivery)
  double depthMean = 0;  // Lq: mean number ready (waiting)
  double blocking = 0;   // M/M/1/K: the fraction of publishes refused (queue full)
  bool stable = false;   // rho < 1, or a finite K
  bool applies() const { return !system.empty(); }
};

QueueTheory queueTheory(const Model& model, std::uint32_t queue);

// Erlang C: the probability that an arrival waits, with c servers and offered load a = lambda/mu
// (a < c).
double erlangC(std::uint32_t c, double a);

}  // namespace brokerlab
