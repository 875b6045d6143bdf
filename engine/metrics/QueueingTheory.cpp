#include "metrics/QueueingTheory.h"

#include <cmath>
#include <limits>

namespace brokerlab {

namespace {

// E[X^2] in s^2 of a sampler, when known in closed form.
bool secondMoment(const Sampler& s, double* mean, double* square) {
  const double m = s.meanNs() * 1e-9;
  double variance = 0;
  switch (s.kind) {
    case SamplerShape::Constant:
      break;
    case SamplerShape::Exponential:
      variance = m * m;
      break;
    case SamplerShape::Uniform:
      variance = (s.b * 1e-9) * (s.b * 1e-9) / 12;
      break;
    case SamplerShape::Erlang:
      variance = s.k * (s.a * 1e-9) * (s.a * 1e-9);
      break;
    case SamplerShape::Lognormal: {
      const double sigma2 = s.b * s.b;
      variance = (std::exp(sigma2) - 1) * m * m;
      break;
    }
    case SamplerShape::Normal:
      return false;  // truncated at 0: its moments are not the parameters'
  }
  *mean = m;
  *square = variance + m * m;
  return true;
}

bool takesNoTime(const Sampler& s) {
  return s.kind == SamplerShape::Constant && s.a == 0;
}

QueueTheory none(std::string why) {
  QueueTheory t;
  t.whyNot = std::move(why);
  return t;
}

}  // namespace

double erlangC(std::uint32_t c, double a) {
  // sum_{k<c} a^k/k! and a^c/c! * c/(c-a), term by term (no factorials that overflow)
  double term = 1;
  double sum = 1;
  for (std::uint32_t k = 1; k < c; ++k) {
    term *= a / k;
    sum += term;
  }
  const double last = term * a / c / (1 - a / c);
  return last / (sum + last);
}

QueueTheory queueTheory(const Model& model, std::uint32_t queue) {
  const QueueDef& q = model.queues[queue];
  if (!model.faults.empty()) return none("the scenario has faults");
  if (q.ttl != 0) return none("messages expire (ttl)");
  double lambda = 0;
  for (const ProducerDef& p : model.producers) {
    if (p.queue != queue) continue;
    if (p.interarrival.kind != SamplerShape::Exponential)
      return none("a producer's arrivals are not Poisson (exponential interarrival)");
    if (p.count != 0 || p.start != 0 || p.stop < model.duration)
      return none("a producer starts late, stops early or sends a fixed count");
    if (p.expiration != 0) return none("messages expire (expiration)");
    lambda += 1e9 / p.interarrival.meanNs();
  }
  if (lambda <= 0) return none("no producer publishes straight to it");
  for (const QueueDef& other : model.queues)
    if (other.deadLetter == queue) return none("dead-lettered messages arrive as well");
  const ConsumerDef* c = nullptr;
  for (const ConsumerDef& k : model.consumers) {
    if (k.queue != queue) continue;
    if (c) return none("more than one consumer reads it");
    c = &k;
  }
  if (!c) return none("nobody consumes it");
  if (c->prefetch != 1) return none("prefetch is not 1 (deliveries wait in the consumer)");
  if (c->failureProbability != 0) return none("processing fails sometimes (redeliveries)");
  if (c->join != 0 || c->leave < model.duration) return none("the consumer joins late or leaves");
  if (c->instances == 0) return none("the consumer has no instances");

  QueueTheory t;
  t.lambda = lambda;
  t.servers = c->instances;
  double meanS = 0;
  double squareS = 0;
  if (!secondMoment(c->service, &meanS, &squareS))
    return none("service time is a truncated normal (no closed form for its moments)");
  const bool exponential = c->service.kind == SamplerShape::Exponential;
  const bool instantLinks = takesNoTime(c->latency);

  if (q.maxLength != 0) {
    if (q.overflow != Overflow::RejectPublish)
      return none("a drop-head or dlx overflow queue (M/M/1/K takes refused publishes)");
    if (t.servers != 1 || !exponential || !instantLinks)
      return none("M/M/1/K needs one instance, exponential service and links that take no time");
    // States n = 0..K in the system (K = max_length ready + 1 in service), p_n ~ r^n.
    const double mu = 1 / meanS;
    const double r = lambda / mu;
    double norm = 0;
    double lq = 0;
    double pn = 1;
    double pk = 0;
    for (std::uint64_t n = 0; n <= q.maxLength + 1; ++n) {
      norm += pn;
      if (n >= 1) lq += static_cast<double>(n - 1) * pn;
      pk = pn;
      pn *= r;
    }
    t.system = "M/M/1/" + std::to_string(q.maxLength + 1);
    t.mu = mu;
    t.rho = r;
    t.blocking = pk / norm;
    t.depthMean = lq / norm;
    t.waitS = t.depthMean / (lambda * (1 - t.blocking));
    t.stable = true;
    return t;
  }

  if (t.servers == 1) {
    // M/G/1 with S' = S + the round trip of the consumer link (a constant or random shift).
    double meanL = 0;
    double squareL = 0;
    if (!secondMoment(c->latency, &meanL, &squareL))
      return none("the consumer link's latency is a truncated normal");
    const double varS = squareS - meanS * meanS;
    const double varL = squareL - meanL * meanL;
    const double mean = meanS + 2 * meanL;
    const double square = varS + 2 * varL + mean * mean;  // independent parts
    t.mu = 1 / mean;
    t.rho = lambda * mean;
    t.stable = t.rho < 1;
    const bool lag = !instantLinks;
    t.system = lag                                         ? "M/G/1"
               : exponential                               ? "M/M/1"
               : c->service.kind == SamplerShape::Constant ? "M/D/1"
                                                           : "M/G/1";
    if (!t.stable) return t;
    t.waitS = lambda * square / (2 * (1 - t.rho));
    t.depthMean = lambda * t.waitS;
    return t;
  }

  if (!exponential || !instantLinks)
    return none("several instances need exponential service and links that take no time (M/M/c)");
  t.mu = 1 / meanS;
  const double a = lambda / t.mu;
  t.rho = a / t.servers;
  t.stable = t.rho < 1;
  t.system = "M/M/" + std::to_string(t.servers);
  if (!t.stable) return t;
  t.waitS = erlangC(t.servers, a) / (t.servers * t.mu - lambda);
  t.depthMean = lambda * t.waitS;
  return t;
}

}  // namespace brokerlab
