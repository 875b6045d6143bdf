#include "scenario/OutputTarget.h"

#include <QFile>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace brokerlab {

namespace {

QString systemError(int error) {
  return QString::fromLocal8Bit(std::strerror(error));
}

// Whether `st` is the file behind one of our own open descriptors: /dev/stdout, /proc/self/fd/1
// or the very file the shell redirected standard output to. Such a path is written through that
// descriptor, in place, as the shell's file would otherwise be renamed away under it.
int openDescriptorOf(const struct stat& st) {
  for (const int fd : {STDOUT_FILENO, STDERR_FILENO}) {
    struct stat held {};
    if (::fstat(fd, &held) == 0 && held.st_dev == st.st_dev && held.st_ino == st.st_ino) return fd;
  }
  return -1;
}

}  // namespace

OutputTarget::OutputTarget(QString path, QString what)
    : path_(std::move(path)), what_(std::move(what)) {}

OutputTarget::~OutputTarget() {
  if (save_) save_->cancelWriting();  // the temporary file goes, the old file stays
}

bool OutputTarget::fail(const QString& reason) {
  if (error_.isEmpty()) {
    const QString where = isStandardOutput(path_) ? QStringLiteral("standard output") : path_;
    error_ = QStringLiteral("cannot write %1%2: %3")
                 .arg(what_.isEmpty() ? QString() : what_ + QLatin1Char(' '), where, reason);
  }
  return false;
}

bool OutputTarget::open() {
  int fd = isStandardOutput(path_) ? STDOUT_FILENO : -1;
  struct stat st {};
  const bool exists = fd < 0 && ::stat(QFile::encodeName(path_).constData(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return fail(QStringLiteral("it is a directory"));
  if (exists) fd = openDescriptorOf(st);
  if (fd >= 0) std::fflush(fd == STDOUT_FILENO ? stdout : stderr);  // what stdio holds goes first
  if (fd >= 0 || (exists && !S_ISREG(st.st_mode))) {  // standard output, a device, a FIFO, a socket
    direct_ = fd >= 0 ? std::make_unique<QFile>() : std::make_unique<QFile>(path_);
    const auto mode = QIODevice::WriteOnly | QIODevice::Unbuffered;
    errno = 0;
    if (fd >= 0 ? !direct_->open(fd, mode, QFileDevice::DontCloseHandle) : !direct_->open(mode))
      return fail(errno ? systemError(errno) : direct_->errorString());
    device_ = direct_.get();
    return true;
  }
  existed_ = exists;
  mode_ = st.st_mode & 07777;
  owner_ = st.st_uid;
  group_ = st.st_gid;
  save_ = std::make_unique<QSaveFile>(path_);
  errno = 0;
  if (!save_->open(QIODevice::WriteOnly | QIODevice::Unbuffered))
    return fail(errno ? systemError(errno) : save_->errorString());
  device_ = save_.get();
  return true;
}

bool OutputTarget::write(std::string_view bytes) {
  if (!error_.isEmpty() || device_ == nullptr) return false;
  const auto size = static_cast<qint64>(bytes.size());
  errno = 0;
  const qint64 written = device_->write(bytes.data(), size);
  if (written == size) return true;
  // Qt reports a short write without a reason; errno still holds the call that fell short.
  const int error = errno;
  if (error != 0) return fail(systemError(error));
  return fail(QStringLiteral("%1 (%2 of %3 bytes written)")
                  .arg(device_->errorString())
                  .arg(written < 0 ? 0 : written)
                  .arg(size));
}

// The new file is about to take the old one's place: give it the old one's owner, then its mode
// (in that order: a change of owner clears the set-id bits). Only root may give a file away, so
// anyone else's save of another user's file becomes theirs, as with any editor that saves safely.
bool OutputTarget::keepModeAndOwner() {
  if (!existed_) return true;
  const int fd = save_->handle();
  if ((owner_ != ::geteuid() || group_ != ::getegid()) && ::fchown(fd, owner_, group_) != 0 &&
      errno != EPERM)
    return fail(systemError(errno));
  if (::fchmod(fd, mode_) != 0) return fail(systemError(errno));
  return true;
}

bool OutputTarget::commit() {
  if (device_ == nullptr) return fail(QStringLiteral("it was not opened"));
  if (!error_.isEmpty()) {
    cancel();
    return false;
  }
  if (direct_) {
    if (!direct_->flush()) return fail(direct_->errorString());
    direct_->close();
    device_ = nullptr;
    return true;
  }
  if (!keepModeAndOwner()) {
    cancel();
    return false;
  }
  errno = 0;
  if (!save_->commit()) return fail(errno ? systemError(errno) : save_->errorString());
  save_.reset();
  device_ = nullptr;
  return true;
}

void OutputTarget::cancel() {
  if (save_) save_->cancelWriting();
  save_.reset();
  if (direct_) direct_->close();
  device_ = nullptr;
}

}  // namespace brokerlab
