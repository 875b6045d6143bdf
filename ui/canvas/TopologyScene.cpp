#include "canvas/TopologyScene.h"

#include "canvas/Animator.h"
#include "canvas/BrokerArea.h"
#include "canvas/ConsumerItem.h"
#include "canvas/FrameView.h"
#include "canvas/LinkItem.h"
#include "canvas/LinkRoute.h"
#include "canvas/MessageLayer.h"
#include "canvas/QueueItem.h"
#include "canvas/RecordMeaning.h"
#include "canvas/RequestReplyItems.h"
#include "canvas/SourceItems.h"
#include "canvas/StreamItem.h"
#include "canvas/TopicItem.h"
#include "canvas/TopologyLayout.h"
#include "sim/Simulator.h"

namespace brokerlab::ui {

TopologyScene::TopologyScene(const Scenario& scenario, std::shared_ptr<const Model> model,
                             const Theme& theme, QObject* parent)
    : QGraphicsScene(parent), model_(std::move(model)), theme_(&theme) {
  setItemIndexMethod(QGraphicsScene::NoIndex);  // items move and repaint every frame
  broker_ = new BrokerArea(theme);
  addItem(broker_);
  buildItems(scenario);
  placeItems(scenario);
  buildLinks();
  messages_ = new MessageLayer(*this, theme);
  addItem(messages_);
  messages_->layoutChanged(contentRect());
}

TopologyScene::~TopologyScene() = default;

void TopologyScene::buildItems(const Scenario& scenario) {
  const Model& m = *model_;
  const std::vector<std::uint8_t> colours = publisherColours(m);
  const auto colour = [&](std::uint32_t c) { return Theme::publisherColour(colours[c]); };
  std::vector<bool> deadLetterQueue(m.queues.size(), false);
  for (const QueueDef& q : m.queues)
    if (q.deadLetter != kNone) deadLetterQueue[q.deadLetter] = true;
  items_.assign(m.components.size(), nullptr);
  for (std::uint32_t c = 0; c < m.components.size(); ++c) {
    const ComponentRef& ref = m.components[c];
    ComponentItem* item = nullptr;
    switch (ref.kind) {
      case ComponentKind::Producer:
        item = new ProducerItem(m, ref.index, *theme_, colour(c));
        break;
      case ComponentKind::Client:
        item = new ClientItem(m, ref.index, *theme_, colour(c));
        break;
      case ComponentKind::Queue:
        item = new QueueItem(m, ref.index, *theme_, deadLetterQueue[ref.index]);
        break;
      case ComponentKind::Topic: {
        std::vector<QString> bindings;
        for (std::uint32_t consumer : m.topics[ref.index].subscriptions) {
          const ComponentSpec& spec = scenario.components[m.consumers[consumer].component];
          // several patterns (a list) show as one label: "eu.#, *.created"
          QStringList patterns;
          for (const std::string& p :
               spec.binding.value_or(std::vector<std::string>{defaults::kBinding}))
            patterns << QString::fromStdString(p);
          bindings.push_back(patterns.join(QStringLiteral(", ")));
        }
        item = new TopicItem(m, ref.index, *theme_, std::move(bindings));
        break;
      }
      case ComponentKind::Stream:
        item = new StreamItem(m, ref.index, *theme_);
        break;
      case ComponentKind::Consumer:
        item = new ConsumerItem(m, ref.index, *theme_);
        break;
      case ComponentKind::Api:
        item = new ApiItem(m, ref.index, *theme_);
        break;
      case ComponentKind::Store:
        item = new StoreItem(m, ref.index, *theme_);
        break;
    }
    items_[c] = item;
    addItem(item);
  }
}

void TopologyScene::placeItems(const Scenario& scenario) {
  std::vector<QSizeF> sizes;
  for (ComponentItem* item : items_) sizes.push_back(item->boundingRect().size());
  const auto place = [&](const std::vector<QPointF>& centres) {
    for (std::size_t c = 0; c < items_.size(); ++c) items_[c]->setPos(centres[c]);
    noteBoxes();
  };
  bool folded = false;
  place(layoutComponents(scenario, *model_, sizes, true, &folded));
  // A column folded to fit the canvas stays folded only where every link can pass the nearer
  // components (three channels' consumers in two sub-columns could not).
  if (folded && aLinkCrossesAComponent()) place(layoutComponents(scenario, *model_, sizes, false));
  placeBrokerArea();
}

void TopologyScene::placeBrokerArea() {
  std::vector<QRectF> parts;
  for (ComponentItem* item : items_) {
    const ComponentKind k = item->kind();
    if (k == ComponentKind::Queue || k == ComponentKind::Topic || k == ComponentKind::Stream)
      parts.push_back(item->sceneBoundingRect());
  }
  broker_->setParts(parts);
}

std::vector<TopologyScene::LinkEnds> TopologyScene::linkEnds() const {
  const Model& m = *model_;
  std::vector<LinkEnds> ends;
  const auto add = [&](Endpoint fromEnd, Endpoint toEnd, LinkItem::Style style) {
    ends.push_back({fromEnd, toEnd, style});
  };
  const auto channel = [&](ChannelKind kind, std::uint32_t index) {
    switch (kind) {
      case ChannelKind::Queue:
        return m.queues[index].component;
      case ChannelKind::Topic:
        return m.topics[index].component;
      case ChannelKind::Stream:
        return m.streams[index].component;
    }
    return kNone;
  };
  for (const ProducerDef& p : m.producers) {
    const std::uint32_t target = channel(p.targetKind, p.target);
    add({p.component}, {target}, LinkItem::Style::Messages);
  }
  for (const ConsumerDef& c : m.consumers) {
    if (c.stream != kNone) {
      const std::uint32_t s = m.streams[c.stream].component;
      add({s}, {c.component}, LinkItem::Style::Messages);
    } else {
      const QueueDef& q = m.queues[c.queue];
      const std::uint16_t lane =
          c.subscription == kNone ? 0 : static_cast<std::uint16_t>(c.subscription + 1);
      add({q.component, 0, lane}, {c.component}, LinkItem::Style::Messages);
    }
    if (c.store != kNone) {
      const std::uint32_t s = m.stores[c.store].component;
      add({c.component}, {s}, LinkItem::Style::StoreCalls);
    }
  }
  for (const QueueDef& q : m.queues) {
    if (q.deadLetter == kNone) continue;
    const std::uint32_t dlq = m.queues[q.deadLetter].component;
    add({q.component}, {dlq}, LinkItem::Style::DeadLetters);
  }
  for (const ClientDef& c : m.clients) {
    const std::uint32_t api = m.apis[c.api].component;
    add({c.component}, {api}, LinkItem::Style::Http);
  }
  for (const ApiDef& a : m.apis) {
    const std::uint32_t q = m.queues[a.queue].component;
    const std::uint32_t s = m.stores[a.store].component;
    add({a.component}, {q}, LinkItem::Style::Messages);
    add({a.component}, {s}, LinkItem::Style::StoreCalls);
  }
  return ends;
}

void TopologyScene::buildLinks() {
  for (const LinkEnds& ends : linkEnds()) {
    auto* link = new LinkItem(*this, ends.from, ends.to, ends.style, *theme_);
    links_.push_back(link);
    addItem(link);
  }
}

bool TopologyScene::aLinkCrossesAComponent() const {
  for (const LinkEnds& ends : linkEnds()) {
    bool clear = true;
    curve(ends.from, ends.to, &clear);
    if (!clear) return true;
  }
  return false;
}

void TopologyScene::moveComponent(std::uint32_t c, QPointF centre) {
  items_[c]->setPos(centre);
  afterMove();
}

void TopologyScene::applyLayout(const Scenario& scenario) {
  placeItems(scenario);
  afterMove();
}

void TopologyScene::noteBoxes() {
  boxes_.clear();
  for (const ComponentItem* item : items_) boxes_.push_back(item->sceneBoundingRect());
}

void TopologyScene::afterMove() {
  noteBoxes();
  placeBrokerArea();
  for (LinkItem* link : links_) link->updateGeometry();
  messages_->layoutChanged(contentRect());
}

ComponentItem* TopologyScene::itemWithId(const QString& id) const {
  for (ComponentItem* item : items_)
    if (item->id() == id) return item;
  return nullptr;
}

void TopologyScene::refresh(const FrameView& frame) {
  for (ComponentItem* item : items_) item->refresh(frame);
  broker_->setDownUntil(frame.now, frame.sim.brokerDownUntil());
  messages_->setFrame(&frame.animator, frame.now);
}

void TopologyScene::setTheme(const Theme& theme) {
  theme_ = &theme;
  for (ComponentItem* item : items_) item->setTheme(theme);
  for (LinkItem* link : links_) link->setTheme(theme);
  broker_->setTheme(theme);
  messages_->setTheme(theme);
  noteBoxes();
  for (LinkItem* link : links_) link->updateGeometry();
  messages_->layoutChanged(contentRect());
}

LinkCurve TopologyScene::curve(const Endpoint& from, const Endpoint& to, bool* clear) const {
  const ComponentItem* a = items_[from.component];
  const ComponentItem* b = items_[to.component];
  const Anchor start = a->anchor(from, false, b->scenePos());
  const Anchor end = b->anchor(to, true, a->scenePos());
  if (from.instance == 0 && to.instance == 0) return routeAround(start, end, boxes_, clear);
  // A flight to or from one consumer instance keeps to its link's route, and leaves it for the
  // instance only where the route runs straight or at its end.
  Endpoint fromComponent = from;
  Endpoint toComponent = to;
  fromComponent.instance = 0;
  toComponent.instance = 0;
  const LinkCurve link = routeAround(a->anchor(fromComponent, false, b->scenePos()),
                                     b->anchor(toComponent, true, a->scenePos()), boxes_, clear);
  if (link.leadLength == 0 && link.tailLength == 0) return routeAround(start, end, boxes_, clear);
  const QPointF p0 = link.leadLength > 0 ? link.p0 : start.pos;
  const QPointF p3 = link.tailLength > 0 ? link.p3 : end.pos;
  return LinkCurve::runs(start.pos, p0, p0 + (link.p1 - link.p0), p3 + (link.p2 - link.p3), p3,
                         end.pos);
}

Anchor TopologyScene::anchorOf(const Endpoint& end, bool incoming) const {
  const ComponentItem* item = items_[end.component];
  return item->anchor(end, incoming, item->scenePos() - QPointF(100, 0));
}

QRectF TopologyScene::contentRect() const {
  QRectF r;
  for (const ComponentItem* item : items_) r |= item->sceneBoundingRect();
  r |= broker_->sceneBoundingRect();
  return r.adjusted(-40, -40, 40, 40);
}

}  // namespace brokerlab::ui
