#pragma once

// The canvas's visual vocabulary in one place: the Okabe-Ito palette (distinguishable with every
// common colour-vision deficiency, so colour never carries meaning alone), line widths and font
// sizes in scene units, and the scale lecture mode raises for a projector.

#include <QColor>
#include <QFont>
#include <QRgb>

#include <cstdint>

namespace brokerlab::ui {

namespace okabeIto {
inline constexpr QRgb kBlue = 0xff0072b2;
inline constexpr QRgb kOrange = 0xffe69f00;
inline constexpr QRgb kGreen = 0xff009e73;
inline constexpr QRgb kPurple = 0xffcc79a7;
inline constexpr QRgb kSky = 0xff56b4e9;
inline constexpr QRgb kVermillion = 0xffd55e00;  // errors, crashes, drops, dead letters
inline constexpr QRgb kYellow = 0xfff0e442;
}  // namespace okabeIto

class Theme {
 public:
  // Lecture mode: larger fonts and thicker lines, darker ink on a white ground.
  static Theme lecture();

  double scale() const { return scale_; }
  bool highContrast() const { return highContrast_; }

  QColor background() const;
  QColor ink() const;      // text and outlines
  QColor muted() const;    // secondary text, idle outlines
  QColor surface() const;  // component bodies
  QColor brokerArea() const;
  QColor link() const;  // connection arrows
  QColor error() const { return QColor(okabeIto::kVermillion); }
  QColor busy() const { return QColor(okabeIto::kBlue); }
  QColor rebalancing() const { return QColor(okabeIto::kOrange); }
  QColor http() const { return QColor(okabeIto::kPurple); }

  // A colour per publisher (producer, api), cycling through the palette; vermillion is left out
  // because it means "dead-lettered" on a message.
  static QColor publisherColour(std::uint32_t index);
  static QColor unknownColour() { return QColor(0x99, 0x99, 0x99); }

  double line() const { return 2.0 * scale_; }  // outlines
  double thinLine() const { return 1.2 * scale_; }
  QFont titleFont() const;  // a component's id
  QFont labelFont() const;  // figures on a component
  QFont smallFont() const;  // secondary figures

 private:
  double scale_ = 1.0;
  bool highContrast_ = false;
};

}  // namespace brokerlab::ui
