#include "Interrupt.h"

#include <csignal>

namespace brokerlab::cli {

namespace {

volatile std::sig_atomic_t requested = 0;

extern "C" void onInterrupt(int) {
  requested = 1;
}

}  // namespace

void catchInterrupt() {
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
}

bool interrupted() {
  return requested != 0;
}

}  // namespace brokerlab::cli
