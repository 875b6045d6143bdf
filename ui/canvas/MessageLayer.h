#pragma once

// Everything in motion, painted by one item above the components (never an item per message):
// flights as dots along their links' curves (a ring on a redelivered message, vermillion when
// dead-lettered, small hollow dots for acks, labelled boxes for HTTP), links too busy to draw one
// by one as a flow of particles with their true figures, and bursts where something ended.

#include "canvas/Anchor.h"
#include "canvas/Flight.h"
#include "canvas/SpriteCache.h"
#include "canvas/Theme.h"

#include <QGraphicsItem>

#include <optional>
#include <vector>

namespace brokerlab::ui {

class Animator;
class TopologyScene;
struct LinkFlow;

class MessageLayer : public QGraphicsItem {
 public:
  MessageLayer(const TopologyScene& scene, const Theme& theme);
  void setFrame(const Animator* animator, SimTime now);
  // The components moved (or were placed): curves are recomputed, `area` is what may be painted.
  void layoutChanged(const QRectF& area);
  void setTheme(const Theme& theme) { theme_ = &theme; }

  // The flight drawn nearest to `scenePos`, within `radius` (scene units), or null.
  const Flight* flightNear(QPointF scenePos, double radius);

  // What the last paint drew, in its order, in device pixels: the marks, the labels, the bursts'
  // rings (the square around each) and their words (tests check that no mark covers a label, no
  // word a title or a ring).
  struct Drawn {
    enum Kind : std::uint8_t { Mark, Label, Ring, Word } kind;
    QRectF rect;
  };
  const std::vector<Drawn>& drawnLastFrame() const { return drawn_; }

  QRectF boundingRect() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

 private:
  // Marks are drawn as sprites in device coordinates (`toDevice` maps scene to device); labels,
  // the few of them, in scene coordinates afterwards.
  struct Pending {
    std::size_t link;
    const Flight* flight;
    QString text;  // httpLabel(*flight)
    QPointF dot;   // where the flight is
    QPointF at;    // where its label goes: on the dot, or where it clears the ends (labelAt)
    QRectF box;    // the label's box there (scene units), measured once
    bool clear;    // the label covers no component there
    bool shown;    // the label fits; otherwise the flight is drawn as a mark
  };
  const LinkCurve& curveOf(std::size_t link);
  void paintMark(QPainter* p, const QTransform& toDevice, const Flight& f, QPointF at);
  QSizeF labelSize(const QString& text) const;  // scene units
  static QRectF labelBox(QSizeF size, QPointF at);
  // A label centred on its flight covers the component the flight leaves or reaches, where that
  // component writes its figures. Near an end the label stays where it first (or last) clears
  // that component, and the flight's dot goes on alone; null where no such place is on the way.
  std::optional<QPointF> labelAt(const LinkFlow& flow, const LinkCurve& curve, double progress,
                                 QSizeF size) const;
  bool coversAComponent(const QRectF& box) const;
  // A link that cannot keep clear of every component (poll-storm's far clients pass nearer ones)
  // runs behind them, and so do its flights: a dot over a component it neither leaves nor reaches
  // is not drawn, and the component's figures stay readable.
  bool behindAComponent(std::size_t link, QPointF at) const;
  // True (and its box taken) when the label is drawn: it says something and fits.
  bool labelFits(const Pending& label);
  void paintLabel(QPainter* p, const QTransform& toDevice, const Pending& label);
  // True (and the box taken) when a label fits without covering another one drawn this frame.
  bool claimLabel(const QRectF& box);
  void paintParticles(QPainter* p, const QTransform& toDevice, const LinkCurve& curve,
                      const LinkFlow& flow);
  void paintFlowFigures(QPainter* p, const LinkCurve& curve, const LinkFlow& flow);
  void paintBursts(QPainter* p);
  // Where a burst's word goes: over the rings at `at`, clear of the components' titles.
  QRectF wordBox(const QString& word, QPointF at) const;
  QColor flightColour(const Flight& f) const;

  const TopologyScene& scene_;
  const Theme* theme_;
  const Animator* animator_ = nullptr;
  SimTime now_ = 0;
  std::vector<LinkCurve> curves_;  // per animator link, rebuilt when the layout changes
  std::vector<bool> crossing_;     // per animator link: its route passes a component
  QRectF area_;
  std::vector<QRectF> labels_;    // drawn this frame
  std::vector<Pending> pending_;  // labels to draw this frame
  // The labels drawn last frame (scene units), for clicks: a label held clear of an end is apart
  // from its dot. The flight by its link, id and kind, not a pointer: the animator moves on.
  struct ShownLabel {
    std::size_t link;
    std::uint64_t id;
    FlightKind kind;
    QRectF box;
  };
  std::vector<ShownLabel> shownLabels_;
  std::vector<Drawn> drawn_;
  double markScale_ = 1;  // device pixels per scene unit this frame
};

// The label of an HTTP or store flight: "POST /jobs", "202 Accepted", "200 Running", "read".
QString httpLabel(const Flight& f);

}  // namespace brokerlab::ui
