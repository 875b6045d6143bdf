#pragma once

// Pictures of the small marks the message layer draws thousands of times a frame (a message's
// dot, a redelivered ring, an ack, a particle), rendered once per colour, kind and on-screen size
// and then copied: rasterizing an antialiased circle per message is what made frames slow.

#include <QColor>
#include <QPixmap>

#include <cstdint>
#include <map>
#include <tuple>

namespace brokerlab::ui {

class SpriteCache {
 public:
  enum class Mark : std::uint8_t {
    Dot,
    RingedDot,
    Ack,
    Nack,
    Particle,
    Box,  // messages in motion
    InstanceIdle,
    InstanceBusy,
    InstanceCrashed,
    InstanceRebalancing,  // consumer instances
    InstanceOffline,
  };
  // Busy instances show their progress in this many steps.
  static constexpr int kProgressSteps = 32;

  // The sprite for `mark` in `colour` with the given radius in device pixels (rounded to
  // quarter pixels); its centre is at (width / 2, height / 2) in device pixels. `step` is the
  // progress step of a busy instance (kProgressSteps + 1: unknown).
  const QPixmap& sprite(Mark mark, QColor colour, double radiusPx, qreal devicePixelRatio,
                        int step = 0);
  void clear() { sprites_.clear(); }
  // The shape itself, centred on `c` with radius `r` (what a sprite holds).
  static void draw(QPainter& p, Mark mark, QColor colour, QPointF c, double r, int step);

  // One cache for the whole canvas (the GUI thread's).
  static SpriteCache& shared();

 private:
  std::map<std::tuple<std::uint8_t, QRgb, int, int, int>, QPixmap> sprites_;
};

// Draws `mark` centred on the point `at` (in the coordinates `toDevice` maps to the device) at
// `radiusPx` device pixels. The painter's world transform must have been reset; `toDevice` is
// the transform it had. On a raster device it copies the cached sprite; on a vector one (an SVG
// export) it draws the shape itself, so the export stays sharp at any size.
void drawMark(QPainter* p, const QTransform& toDevice, SpriteCache::Mark mark, QColor colour,
              double radiusPx, int step, QPointF at);

}  // namespace brokerlab::ui
