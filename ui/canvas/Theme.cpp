#include "canvas/Theme.h"

#include <array>

namespace brokerlab::ui {

Theme Theme::lecture() {
  Theme t;
  // Fonts and lines a third larger against the same geometry (the view then fits the picture to
  // the whole screen): about 1.6 times larger than a windowed canvas on a projector.
  t.scale_ = 1.35;
  t.highContrast_ = true;
  return t;
}

QColor Theme::background() const {
  return highContrast_ ? QColor(0xff, 0xff, 0xff) : QColor(0xf7, 0xf8, 0xfa);
}
QColor Theme::ink() const {
  return highContrast_ ? QColor(0x00, 0x00, 0x00) : QColor(0x1f, 0x23, 0x28);
}
QColor Theme::muted() const {
  return highContrast_ ? QColor(0x40, 0x40, 0x40) : QColor(0x5c, 0x63, 0x6e);
}
QColor Theme::surface() const {
  return QColor(0xff, 0xff, 0xff);
}
QColor Theme::brokerArea() const {
  return highContrast_ ? QColor(0xe4, 0xec, 0xf4) : QColor(0xea, 0xf0, 0xf6);
}
QColor Theme::link() const {
  return highContrast_ ? QColor(0x30, 0x30, 0x30) : QColor(0x8a, 0x93, 0x9e);
}

QColor Theme::publisherColour(std::uint32_t index) {
  static constexpr std::array<QRgb, 6> cycle = {okabeIto::kBlue,  okabeIto::kOrange,
                                                okabeIto::kGreen, okabeIto::kPurple,
                                                okabeIto::kSky,   okabeIto::kYellow};
  return QColor(cycle[index % cycle.size()]);
}

namespace {
QFont sized(double pixels, bool bold) {
  QFont f(QStringLiteral("DejaVu Sans"));
  f.setStyleHint(QFont::SansSerif);
  f.setPixelSize(static_cast<int>(pixels + 0.5));
  f.setBold(bold);
  return f;
}
}  // namespace

QFont Theme::titleFont() const {
  return sized(16 * scale_, true);
}
QFont Theme::labelFont() const {
  return sized(14 * scale_, false);
}
QFont Theme::smallFont() const {
  return sized(12 * scale_, false);
}

}  // namespace brokerlab::ui
