#pragma once

// What a canvas item reads once per frame: the engine's state (never a copy of it), the animator's
// motion and the theme. Items display; they never change the simulation.

#include "base/SimTime.h"

namespace brokerlab {
class Simulator;
}

namespace brokerlab::ui {

class Animator;
class Theme;

struct FrameView {
  const Simulator& sim;
  const Animator& animator;
  const Theme& theme;
  SimTime now;
};

}  // namespace brokerlab::ui
