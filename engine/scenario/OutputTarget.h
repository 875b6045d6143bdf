#pragma once

// Where a result is written, so that it is either complete or not written at all. A regular file
// (or a new one) is replaced atomically: the bytes go to a temporary file beside it, which takes
// the old file's mode and owner and is renamed over it only once everything was written; a failed
// write leaves the old file as it was. A device, a FIFO, a socket or standard output ("-") cannot
// be replaced, only written in place (a rename would put a regular file where /dev/null was). A
// directory is refused. Every failure is kept as a message with the system's reason.
//
// With QtCore; shared by brokerlab-cli and the GUI (scenario saves, reports, traces).

#include <QFile>
#include <QSaveFile>
#include <QString>

#include <memory>
#include <string_view>

namespace brokerlab {

class OutputTarget {
 public:
  // `path` "-" is standard output; `what` names the output in messages ("trace", "metrics").
  OutputTarget(QString path, QString what);
  ~OutputTarget();  // without commit(), a regular file is left as it was
  OutputTarget(const OutputTarget&) = delete;
  OutputTarget& operator=(const OutputTarget&) = delete;

  bool open();
  // Writes all of `bytes`, or fails; after a failure every later write fails at once.
  bool write(std::string_view bytes);
  // Makes the output final: the rename of a regular file, a flush of anything else.
  bool commit();
  // Gives up: a regular file stays as it was (a device keeps what it was sent).
  void cancel();

  // "cannot write trace trace.csv: No space left on device"; empty while all is well.
  const QString& error() const { return error_; }
  bool inPlace() const { return !save_; }
  const QString& path() const { return path_; }

  static bool isStandardOutput(const QString& path) { return path == QStringLiteral("-"); }

 private:
  bool fail(const QString& reason);
  bool keepModeAndOwner();

  QString path_;
  QString what_;
  std::unique_ptr<QSaveFile> save_;  // a regular file
  std::unique_ptr<QFile> direct_;    // written in place
  QFileDevice* device_ = nullptr;
  bool existed_ = false;
  unsigned mode_ = 0;
  unsigned owner_ = 0;
  unsigned group_ = 0;
  QString error_;
};

}  // namespace brokerlab
