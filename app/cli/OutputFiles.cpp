#include "OutputFiles.h"

#include "metrics/JobJourney.h"
#include "model/Http.h"
#include "sim/Simulator.h"

#include <QString>

#include <cstdio>

namespace brokerlab::cli {

namespace {

std::string componentName(const Model& m, std::uint32_t index) {
  return index < m.components.size() ? m.components[index].id : std::string();
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

// The request-reply columns: method, path, status, job_state; empty for the other kinds. The
// method and path are those of the request a record belongs to (a push: the held request it
// answers); a worker's store write, a job-state change and a give-up belong to none.
void appendHttpColumns(std::string& out, const Model& m, const TraceRecord& r) {
  if (!isRequestReplyKind(r.kind)) {
    out.append(",,,,");
    return;
  }
  const HttpDetail d = HttpDetail::unpack(r.partition);
  const bool byWorker = r.component < m.components.size() &&
                        m.components[r.component].kind == ComponentKind::Consumer;
  const bool request = r.kind == TraceKind::Request || r.kind == TraceKind::Handle ||
                       r.kind == TraceKind::StoreRead || r.kind == TraceKind::Response ||
                       r.kind == TraceKind::Notify ||
                       (r.kind == TraceKind::StoreWrite && !byWorker);
  out.push_back(',');
  if (request) out.append(httpMethodName(d.method));
  out.push_back(',');
  if (request) out.append(routePath(d.route, r.message));
  out.push_back(',');
  if (d.status != 0) out.append(std::to_string(d.status));
  out.push_back(',');
  if (d.job != JobStatus::None) out.append(jobStatusName(d.job));
}

}  // namespace

TraceCsvWriter::TraceCsvWriter(const std::string& path)
    : file_(QString::fromStdString(path), QStringLiteral("trace")) {}

bool TraceCsvWriter::open(std::string* error) {
  if (file_.open() &&
      file_.write("time_ns,event,message,component,peer,partition,instance,redelivered,aux_ns,"
                  "method,path,status,job_state\n"))
    return true;
  *error = file_.error().toStdString();
  return false;
}

bool TraceCsvWriter::write(const Model& model, const std::vector<TraceRecord>& records) {
  std::string out;
  out.reserve(records.size() * 64);
  for (const TraceRecord& r : records) {
    out += std::to_string(r.time) + ',' + std::string(traceKindName(r.kind)) + ',' +
           std::to_string(r.message) + ',' + componentName(model, r.component) + ',' +
           componentName(model, r.peer) + ',' + std::to_string(r.partition) + ',' +
           std::to_string(r.instance) + ',' + std::to_string(r.redelivered) + ',' +
           std::to_string(r.aux);
    appendHttpColumns(out, model, r);
    out += '\n';
  }
  return file_.write(out);
}

bool TraceCsvWriter::commit(std::string* error) {
  if (file_.commit()) return true;
  *error = file_.error().toStdString();
  return false;
}

bool writeOutput(const std::string& path, const char* what, std::string_view text,
                 std::string* error) {
  OutputTarget file(QString::fromStdString(path), QString::fromUtf8(what));
  if (file.open() && file.write(text) && file.commit()) return true;
  *error = file.error().toStdString();
  return false;
}

bool writeMetricsCsv(const std::string& path, const Simulator& sim, std::string* error) {
  const Model& m = sim.model();
  std::vector<std::pair<std::string, const TimeSeries*>> columns;
  for (std::size_t i = 0; i < m.producers.size(); ++i)
    columns.emplace_back(componentName(m, m.producers[i].component) + ".sent_per_s",
                         &sim.producerMetrics()[i].sentPerS);
  for (std::size_t i = 0; i < m.queues.size(); ++i) {
    // A topic subscription's queue is named topic/subscriber.
    std::string id = componentName(m, m.queues[i].component);
    if (m.queues[i].subscriber != kNone)
      id.append("/").append(componentName(m, m.queues[i].subscriber));
    const QueueSeries& s = sim.queueMetrics()[i].series;
    columns.emplace_back(id + ".published_per_s", &s.publishedPerS);
    columns.emplace_back(id + ".delivered_per_s", &s.deliveredPerS);
    columns.emplace_back(id + ".acked_per_s", &s.ackedPerS);
    columns.emplace_back(id + ".depth", &s.depth);
    columns.emplace_back(id + ".unacked", &s.unacked);
  }
  for (std::size_t i = 0; i < m.apis.size(); ++i) {
    const std::string id = componentName(m, m.apis[i].component);
    const ApiSeries& s = sim.apis()[i].series;
    columns.emplace_back(id + ".jobs_pending", &s.pending);
    columns.emplace_back(id + ".jobs_running", &s.running);
    columns.emplace_back(id + ".requests_per_s", &s.requestsPerS);
    columns.emplace_back(id + ".busy_slots", &s.busy);
  }
  for (std::size_t g = 0; g < m.groups.size(); ++g) {
    std::string id = componentName(m, m.streams[m.groups[g].stream].component);
    id.append("/").append(m.groups[g].name).append(".lag");
    columns.emplace_back(id, &sim.groups()[g].lagSeries);
  }
  std::string out = "time_s";
  for (const auto& c : columns) out += ',' + c.first;
  out += '\n';
  // Every series is appended at the same instants, so they share their step and length.
  const TimeSeries* first = columns.empty() ? nullptr : columns.front().second;
  const std::size_t rows = first ? first->points().size() : 0;
  for (std::size_t i = 0; i < rows; ++i) {
    out += number(toSeconds(first->timeOf(i)));
    for (const auto& c : columns) out += ',' + number(c.second->points()[i]);
    out += '\n';
  }
  return writeOutput(path, "metrics", out, error);
}

}  // namespace brokerlab::cli
