#pragma once

// The files one command writes, checked before anything is written: two outputs that are the same
// file would overwrite each other, an output that is the scenario would destroy it, and a path
// that is standard output (/dev/stdout, or the file the shell sent it to) would mix with the
// report there. A terminal or /dev/null can be shared: writes to them do not overwrite each other.

#include <string>
#include <vector>

namespace brokerlab::cli {

struct NamedOutput {
  std::string label;  // in messages: "--trace trace.csv", "the report (standard output)"
  std::string path;   // "-": standard output
};

// Empty when the outputs may all be written, else why not (a usage error).
std::string outputConflict(const std::vector<NamedOutput>& outputs, const std::string& input);

}  // namespace brokerlab::cli
