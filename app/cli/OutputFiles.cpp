#include "OutputFiles.h"

#include "metrics/JobJourney.h"
#include "metrics/SeriesCatalog.h"
#include "model/Http.h"
#include "sim/Simulator.h"

#include <QString>

namespace brokerlab::cli {

namespace {

std::string componentName(const Model& m, std::uint32_t index) {
  return index < m.components.size() ? m.components[index].id : std::string();
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

// The columns are the engine's catalogue (metrics/SeriesCatalog), as the window's CSV export.
bool writeMetricsCsv(const std::string& path, const Simulator& sim, std::string* error) {
  return writeOutput(path, "metrics", metricsCsv(sim), error);
}

}  // namespace brokerlab::cli
