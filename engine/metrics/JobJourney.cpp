// A job's journey as a table: every record, one row each (JobJourneyMermaid.cpp draws the diagram).

#include "metrics/JobJourney.h"

#include "model/Http.h"
#include "model/Model.h"

#include <algorithm>
#include <array>

namespace brokerlab {

bool isRequestReplyKind(TraceKind k) {
  return k >= TraceKind::Request && k <= TraceKind::GiveUp;
}

JourneyContext journeyContext(const Model& m, std::string title) {
  JourneyContext c;
  c.title = std::move(title);
  for (const ComponentRef& ref : m.components) {
    c.ids.push_back(ref.id);
    c.kinds.push_back(ref.kind);
    c.retryAfter.push_back(ref.kind == ComponentKind::Api && ref.index < m.apis.size()
                               ? m.apis[ref.index].retryAfter
                               : 0);
  }
  return c;
}

std::string secondsText(SimTime t) {
  // Integer arithmetic: the text is the same on every platform.
  const bool negative = t < 0;
  const std::uint64_t ns =
      negative ? 0 - static_cast<std::uint64_t>(t) : static_cast<std::uint64_t>(t);
  const std::uint64_t ms = (ns + 500'000) / 1'000'000;
  std::string frac = std::to_string(ms % 1000);
  frac.insert(0, 3 - frac.size(), '0');
  return std::string(negative ? "-" : "")
      .append(std::to_string(ms / 1000))
      .append(".")
      .append(frac);
}

namespace {

// "workers#2" for a consumer instance, the id otherwise, "-" for no component.
std::string name(const JourneyContext& c, std::uint32_t component, std::uint16_t instance) {
  if (component >= c.ids.size()) return "-";
  std::string n = c.ids[component];
  if (instance != 0 && c.kinds[component] == ComponentKind::Consumer)
    n.append("#").append(std::to_string(instance));
  return n;
}

std::string request(const HttpDetail& d, std::uint64_t job) {
  return std::string(httpMethodName(d.method)).append(" ").append(routePath(d.route, job));
}

std::string stateText(JobStatus s) {
  return s == JobStatus::None ? "not found" : std::string(jobStatusName(s));
}

std::string arrives(SimTime t) {
  return std::string("arrives ").append(secondsText(t));
}

// What the record says beyond its kind and its two ends.
std::string what(const TraceRecord& r, std::uint64_t job) {
  const HttpDetail d = HttpDetail::unpack(r.partition);
  switch (r.kind) {
    case TraceKind::Request:
      return d.route == Route::Callback ? request(d, job)
                                              .append(": ")
                                              .append(stateText(d.job))
                                              .append(", ")
                                              .append(arrives(r.aux))
                                        : request(d, job).append(", ").append(arrives(r.aux));
    case TraceKind::Handle:
      return request(d, job).append(", waited ").append(secondsText(r.time - r.aux)).append(" s");
    case TraceKind::StoreRead:
      return (d.job == JobStatus::None ? std::string() : stateText(d.job).append(", "))
          .append("reply at ")
          .append(secondsText(r.aux));
    case TraceKind::StoreWrite:
      return stateText(d.job).append(", applied at ").append(secondsText(r.aux));
    case TraceKind::JobState:
      return std::string(jobStatusName(static_cast<JobStatus>(r.aux)))
          .append(" -> ")
          .append(jobStatusName(d.job));
    case TraceKind::Response: {
      std::string t = std::to_string(d.status);
      t.append(" ").append(httpReason(d.status)).append(" to ").append(request(d, job));
      if (d.job != JobStatus::None) t.append(", ").append(jobStatusName(d.job));
      return t.append(", ").append(arrives(r.aux));
    }
    case TraceKind::Notify:
      return stateText(d.job).append(", ").append(arrives(r.aux));
    case TraceKind::GiveUp:
      return "timeout";
    case TraceKind::Publish:
      return arrives(r.aux);
    case TraceKind::Deliver:
      return arrives(r.aux).append(r.redelivered ? ", redelivered" : "");
    case TraceKind::Process:
      return std::string("until ")
          .append(secondsText(r.aux))
          .append(" (")
          .append(secondsText(r.aux - r.time))
          .append(" s)");
    case TraceKind::Complete:
      return std::string("ack ").append(arrives(r.aux));
    case TraceKind::Fail:
      return std::string("nack ").append(arrives(r.aux));
    default:
      return r.redelivered ? "redelivered" : "";
  }
}

std::string padded(const std::string& s, std::size_t width, bool right) {
  std::string out;
  const std::size_t pad = width > s.size() ? width - s.size() : 0;
  if (right) out.append(pad, ' ');
  out.append(s);
  if (!right) out.append(pad, ' ');
  return out;
}

}  // namespace

std::string jobJourneyTable(const JourneyContext& c, std::uint64_t job,
                            std::span<const TraceRecord> records) {
  std::vector<std::array<std::string, 5>> rows;
  rows.push_back({"time_s", "event", "from", "to", "what"});
  std::uint64_t polls = 0;
  JobStatus last = JobStatus::None;
  for (const TraceRecord& r : records) {
    rows.push_back({secondsText(r.time), std::string(traceKindName(r.kind)),
                    name(c, r.component, r.instance), name(c, r.peer, r.instance), what(r, job)});
    const HttpDetail d = HttpDetail::unpack(r.partition);
    if (r.kind == TraceKind::Request && d.method == HttpMethod::Get && d.route == Route::JobStatus)
      ++polls;
    if (r.kind == TraceKind::JobState) last = d.job;
  }
  std::array<std::size_t, 5> width{};
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  std::string out;
  if (!c.title.empty()) out.append(c.title).append("\n\n");
  for (const auto& row : rows) {
    std::string line = padded(row[0], width[0], true);
    for (std::size_t i = 1; i + 1 < row.size(); ++i)
      line.append("  ").append(padded(row[i], width[i], false));
    line.append("  ").append(row.back());
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out.append(line).append("\n");
  }
  out.append("\nJob ")
      .append(std::to_string(job))
      .append(": ")
      .append(std::to_string(records.size()))
      .append(records.size() == 1 ? " record, " : " records, ")
      .append(std::to_string(polls))
      .append(polls == 1 ? " poll, " : " polls, ")
      .append("last state in the store: ")
      .append(stateText(last))
      .append("\n");
  return out;
}

}  // namespace brokerlab
