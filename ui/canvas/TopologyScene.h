#pragma once

// The canvas's scene: one item per component (built from the model, placed by the layout), the
// links between them, the broker's area and the layer of moving messages. refresh() is called
// once per frame; nothing here changes the simulation.

#include "canvas/Anchor.h"
#include "canvas/Flight.h"
#include "canvas/LinkItem.h"
#include "canvas/Theme.h"
#include "model/Model.h"
#include "scenario/Scenario.h"

#include <QGraphicsScene>

#include <memory>
#include <vector>

namespace brokerlab::ui {

class BrokerArea;
class ComponentItem;
class MessageLayer;
struct FrameView;

class TopologyScene : public QGraphicsScene {
  Q_OBJECT

 public:
  TopologyScene(const Scenario& scenario, std::shared_ptr<const Model> model, const Theme& theme,
                QObject* parent = nullptr);
  ~TopologyScene() override;

  void refresh(const FrameView& frame);
  void setTheme(const Theme& theme);

  // The item of component `c` (every component has one).
  ComponentItem* componentItem(std::uint32_t c) const { return items_[c]; }
  const std::vector<ComponentItem*>& componentItems() const { return items_; }
  const std::vector<LinkItem*>& linkItems() const { return links_; }
  const BrokerArea& brokerArea() const { return *broker_; }
  MessageLayer& messageLayer() { return *messages_; }
  // The curve a flight from `from` to `to` moves along, around the components between them
  // (LinkRoute); `clear`, if given: whether it passes none of them.
  LinkCurve curve(const Endpoint& from, const Endpoint& to, bool* clear = nullptr) const;
  Anchor anchorOf(const Endpoint& end, bool incoming) const;
  // Moves component `c` to `centre` (an editor's drag), its links with it.
  void moveComponent(std::uint32_t c, QPointF centre);
  // Places every component again from `scenario`'s layout (after a move, or its undo).
  void applyLayout(const Scenario& scenario);
  // The item whose component has this id, or nullptr.
  ComponentItem* itemWithId(const QString& id) const;
  // What the canvas should show when fitted: every component with a margin.
  QRectF contentRect() const;

 private:
  void buildItems(const Scenario& scenario);
  struct LinkEnds {
    Endpoint from;
    Endpoint to;
    LinkItem::Style style;
  };
  std::vector<LinkEnds> linkEnds() const;  // every link the model draws
  void buildLinks();
  bool aLinkCrossesAComponent() const;
  void afterMove();
  void noteBoxes();
  void placeItems(const Scenario& scenario);
  void placeBrokerArea();

  std::shared_ptr<const Model> model_;
  const Theme* theme_;
  std::vector<ComponentItem*> items_;  // by component index; owned by the scene
  std::vector<LinkItem*> links_;
  std::vector<QRectF> boxes_;  // each component's box, as placed: what links route around
  BrokerArea* broker_ = nullptr;
  MessageLayer* messages_ = nullptr;
};

}  // namespace brokerlab::ui
