#include "scenario/AnnotationReader.h"

#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"

namespace brokerlab::detail {

AnnotationSpec readAnnotation(ValueReader& r, const json::Value& value, const std::string& path) {
  AnnotationSpec a;
  if (!r.expectObject(value, path)) return a;
  r.rejectUnknownKeys(value, path, rules::annotationKeys());
  const auto required = [&](std::string_view key, const std::string& what) {
    const json::Value* v = value.find(key);
    if (v == nullptr) r.issues().add(value, json::childPath(path, key), "is required: " + what);
    return v;
  };
  if (const json::Value* v = required("at", "when the run shows the caption, like \"30s\"")) {
    if (auto t = r.duration(*v, json::childPath(path, "at"))) a.at = *t;
  }
  if (const json::Value* v =
          required("text", "the caption, one line of at most " +
                               std::to_string(limits::kMaxAnnotationChars) + " characters")) {
    if (auto text = r.string(*v, json::childPath(path, "text"))) a.text = std::move(*text);
  }
  if (const json::Value* v = value.find("pause")) {
    a.pause = r.boolean(*v, json::childPath(path, "pause"));
  }
  return a;
}

}  // namespace brokerlab::detail
