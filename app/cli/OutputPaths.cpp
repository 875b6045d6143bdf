#include "OutputPaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

namespace brokerlab::cli {

namespace {

// What a path is, so that two spellings of one file compare equal: its device and inode when it
// exists, else its absolute path with the directories resolved.
struct Identity {
  bool exists = false;
  dev_t device = 0;
  ino_t inode = 0;
  bool shareable = false;  // a character device: a terminal, /dev/null
  std::string path;
  bool operator==(const Identity& o) const {
    return exists == o.exists && (exists ? device == o.device && inode == o.inode : path == o.path);
  }
};

Identity identify(const std::string& path) {
  Identity id;
  struct stat st {};
  const bool found = path == "-"
                         ? ::fstat(STDOUT_FILENO, &st) == 0
                         : ::stat(QFile::encodeName(QString::fromStdString(path)), &st) == 0;
  if (found) {
    id.exists = true;
    id.device = st.st_dev;
    id.inode = st.st_ino;
    id.shareable = S_ISCHR(st.st_mode);
    return id;
  }
  const QFileInfo info(QString::fromStdString(path));
  const QString dir = info.absoluteDir().canonicalPath();
  id.path = (dir.isEmpty() ? info.absolutePath() : dir).toStdString() + "/" +
            info.fileName().toStdString();
  return id;
}

}  // namespace

std::string outputConflict(const std::vector<NamedOutput>& outputs, const std::string& input) {
  const Identity stdoutId = identify("-");
  std::vector<Identity> ids;
  for (const NamedOutput& o : outputs) ids.push_back(identify(o.path));
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (input != "-" && ids[i] == identify(input))
      return outputs[i].label + " is the scenario file itself: it would be overwritten";
    for (std::size_t j = 0; j < i; ++j) {
      if (!(ids[i] == ids[j]) || ids[i].shareable) continue;
      const bool toStdout = ids[i] == stdoutId;
      return outputs[j].label + " and " + outputs[i].label +
             (toStdout ? " both go to standard output" : " are the same file") +
             ": one would overwrite the other; give each its own" +
             (toStdout ? " (the report takes a file with --output FILE)" : " path");
    }
  }
  return {};
}

}  // namespace brokerlab::cli
