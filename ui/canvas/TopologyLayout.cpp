#include "canvas/TopologyLayout.h"

#include "canvas/LayoutBands.h"

#include <QRectF>

#include <algorithm>
#include <array>
#include <cmath>

namespace brokerlab::ui {

namespace {

constexpr int kColumns = 4;
constexpr double kColumnGap = 170;  // room between columns for arrows, flights and their labels
constexpr double kSubColumnGap = 36;
constexpr double kRowGap = 40;
constexpr double kMinWrapHeight = 900;  // about what a 1600x900 window shows at 100%
constexpr int kMaxSubColumns = 4;

// The components each component is drawn connected to (both directions), by component index.
std::vector<std::vector<std::uint32_t>> neighbours(const Model& m) {
  std::vector<std::vector<std::uint32_t>> n(m.components.size());
  const auto link = [&](std::uint32_t a, std::uint32_t b) {
    if (a == kNone || b == kNone) return;
    n[a].push_back(b);
    n[b].push_back(a);
  };
  const auto channel = [&](ChannelKind kind, std::uint32_t index) -> std::uint32_t {
    if (index == kNone) return kNone;
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
  for (const ProducerDef& p : m.producers) link(p.component, channel(p.targetKind, p.target));
  for (const ConsumerDef& c : m.consumers) {
    const std::uint32_t source =
        c.stream != kNone ? m.streams[c.stream].component : m.queues[c.queue].component;
    link(c.component, source);
    if (c.store != kNone) link(c.component, m.stores[c.store].component);
  }
  for (const QueueDef& q : m.queues)
    if (q.deadLetter != kNone) link(q.component, m.queues[q.deadLetter].component);
  for (const ClientDef& c : m.clients) link(c.component, m.apis[c.api].component);
  for (const ApiDef& a : m.apis) {
    link(a.component, m.queues[a.queue].component);
    link(a.component, m.stores[a.store].component);
  }
  return n;
}

// The middle column top to bottom: queues, topics and streams in the order of the producers and
// APIs that feed them, each dead-letter queue after the queue it serves, each status store after
// the job queue of its API.
std::vector<std::uint32_t> middleOrder(const Model& m,
                                       const std::vector<std::vector<std::uint32_t>>& links) {
  std::vector<std::uint32_t> order;
  const auto add = [&](std::uint32_t c) {
    if (std::find(order.begin(), order.end(), c) == order.end()) order.push_back(c);
  };
  const auto insertAfter = [&](std::uint32_t anchor, std::uint32_t c) {
    order.erase(std::remove(order.begin(), order.end(), c), order.end());
    const auto at = std::find(order.begin(), order.end(), anchor);
    order.insert(at == order.end() ? at : at + 1, c);
  };
  for (std::uint32_t c = 0; c < m.components.size(); ++c) {
    const ComponentKind k = m.components[c].kind;
    if (k != ComponentKind::Producer && k != ComponentKind::Api) continue;
    for (std::uint32_t peer : links[c])
      if (layoutColumn(m.components[peer].kind) == 2 &&
          m.components[peer].kind != ComponentKind::Store)
        add(peer);
  }
  for (std::uint32_t c = 0; c < m.components.size(); ++c)
    if (layoutColumn(m.components[c].kind) == 2 && m.components[c].kind != ComponentKind::Store)
      add(c);
  for (const QueueDef& q : m.queues)
    if (q.deadLetter != kNone && q.topic == kNone)
      insertAfter(q.component, m.queues[q.deadLetter].component);
  for (const ApiDef& a : m.apis) {
    const std::uint32_t store = m.stores[a.store].component;
    if (std::find(order.begin(), order.end(), store) == order.end())
      insertAfter(m.queues[a.queue].component, store);
  }
  for (std::uint32_t c = 0; c < m.components.size(); ++c)
    if (m.components[c].kind == ComponentKind::Store) add(c);
  return order;
}

// How tall `items` rows of `stacked` height in all stack in `k` zig-zagged sub-columns: each
// holds every k-th item, the further ones staggered by a fraction of the mean row.
double foldedHeight(double stacked, std::size_t items, int k) {
  if (items == 0) return 0;
  const double pitch = stacked / static_cast<double>(items);
  const auto perColumn = (items + static_cast<std::size_t>(k) - 1) / static_cast<std::size_t>(k);
  return static_cast<double>(perColumn) * pitch + pitch * (k - 1) / k;
}

}  // namespace

int layoutColumn(ComponentKind kind) {
  switch (kind) {
    case ComponentKind::Producer:
    case ComponentKind::Client:
      return 0;
    case ComponentKind::Api:
      return 1;
    case ComponentKind::Queue:
    case ComponentKind::Topic:
    case ComponentKind::Stream:
    case ComponentKind::Store:  // under the job queue its API and workers share
      return 2;
    case ComponentKind::Consumer:
      return 3;
  }
  return 2;
}

std::vector<QPointF> layoutComponents(const Scenario& scenario, const Model& model,
                                      const std::vector<QSizeF>& sizes, bool foldToFit,
                                      bool* foldedToFit) {
  if (foldedToFit) *foldedToFit = false;
  const std::size_t n = model.components.size();
  const auto links = neighbours(model);
  std::array<std::vector<std::uint32_t>, kColumns> columns;
  columns[2] = middleOrder(model, links);
  for (std::uint32_t c = 0; c < n; ++c)
    if (layoutColumn(model.components[c].kind) != 2)
      columns[layoutColumn(model.components[c].kind)].push_back(c);

  // A column much taller than the middle one is folded into zig-zagged sub-columns, so a long
  // list of clients or consumers does not shrink the whole picture.
  const auto stackHeight = [&](const std::vector<std::uint32_t>& column) {
    double h = 0;
    for (std::uint32_t c : column) h += sizes[c].height() + kRowGap;
    return h;
  };
  const double wrapHeight = std::max(kMinWrapHeight, 1.15 * stackHeight(columns[2]));
  std::array<int, kColumns> subColumns{};
  std::array<double, kColumns> width{};
  for (int col = 0; col < kColumns; ++col) {
    subColumns[col] =
        col == 2 ? 1
                 : std::clamp(static_cast<int>(std::ceil(stackHeight(columns[col]) / wrapHeight)),
                              1, kMaxSubColumns);
    for (std::uint32_t c : columns[col]) width[col] = std::max(width[col], sizes[c].width());
  }
  // A shorter column that still sets the picture's height (four subscribers beside one topic)
  // goes into two sub-columns when that draws the picture a tenth larger or more on a canvas of
  // kCanvasAspect. Two, not more: a link to the far one passes the near one's gaps (LinkRoute).
  const auto extent = [&](const std::array<int, kColumns>& k) {
    double w = -kColumnGap;
    double h = 0;
    for (int col = 0; col < kColumns; ++col) {
      if (columns[col].empty()) continue;
      w += kColumnGap + k[col] * width[col] + (k[col] - 1) * kSubColumnGap;
      h = std::max(h, foldedHeight(stackHeight(columns[col]), columns[col].size(), k[col]));
    }
    return std::max(w / kCanvasAspect, h);
  };
  for (const int col : {3, 0, 1}) {
    if (!foldToFit || subColumns[col] != 1 || columns[col].size() < 2) continue;
    std::array<int, kColumns> folded = subColumns;
    folded[col] = 2;
    if (extent(folded) * 1.1 > extent(subColumns)) continue;
    subColumns = folded;
    if (foldedToFit) *foldedToFit = true;
  }
  std::array<double, kColumns> left{};
  double right = 0;
  bool first = true;
  for (int col = 0; col < kColumns; ++col) {
    if (columns[col].empty()) continue;
    left[col] = first ? 0 : right + kColumnGap;
    right = left[col] + subColumns[col] * width[col] + (subColumns[col] - 1) * kSubColumnGap;
    first = false;
  }

  std::vector<QPointF> centre(n);
  std::vector<bool> placed(n, false);
  std::vector<double> desired(n, 0);
  // Stacks a column at the desired heights as closely as it can without overlap (each sub-column
  // on its own), then moves it as a whole so it sits on its neighbours on average.
  const auto stack = [&](int col, std::vector<std::uint32_t> order, bool sortByDesired) {
    if (sortByDesired)
      std::stable_sort(order.begin(), order.end(),
                       [&](std::uint32_t a, std::uint32_t b) { return desired[a] < desired[b]; });
    const int k = subColumns[col];
    std::vector<double> cursor(static_cast<std::size_t>(k), -1e18);
    // Each further sub-column is staggered by a fraction of a row, so arrows to it pass between
    // the items of the nearer ones rather than through them.
    double pitch = 0;
    for (std::uint32_t c : order) pitch += sizes[c].height() + kRowGap;
    pitch = order.empty() ? 0 : pitch / static_cast<double>(order.size());
    double shift = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
      const std::uint32_t c = order[i];
      // Left of the middle the first sub-column is the one nearest it, so arrows stay short.
      const int sub = static_cast<int>(i % static_cast<std::size_t>(k));
      const int slot = col < 2 ? k - 1 - sub : sub;
      const double x = left[col] + slot * (width[col] + kSubColumnGap) + width[col] / 2;
      const double h = sizes[c].height();
      const double stagger = pitch * sub / k;
      const double top =
          std::max(desired[c] + stagger - h / 2, cursor[static_cast<std::size_t>(sub)]);
      centre[c] = {x, top + h / 2};
      cursor[static_cast<std::size_t>(sub)] = top + h + kRowGap;
      shift += desired[c] - centre[c].y();
    }
    if (!order.empty()) shift /= static_cast<double>(order.size());
    for (std::uint32_t c : order) {
      centre[c].ry() += shift;
      placed[c] = true;
    }
  };

  double y = 0;
  for (std::uint32_t c : columns[2]) {
    // A store sits outside the broker: leave room for the broker area's edge above it.
    if (model.components[c].kind == ComponentKind::Store) y += kRowGap;
    desired[c] = y + sizes[c].height() / 2;
    y += sizes[c].height() + kRowGap;
  }
  stack(2, columns[2], false);
  // Then outwards: each column at the mean height of its already placed neighbours.
  for (int col : {1, 0, 3}) {
    for (std::uint32_t c : columns[col]) {
      double sum = 0;
      int count = 0;
      for (std::uint32_t peer : links[c]) {
        if (!placed[peer]) continue;
        sum += centre[peer].y();
        ++count;
      }
      desired[c] = count ? sum / count : 0;
    }
    stack(col, columns[col], true);
  }

  // Many pipelines that share nothing: side by side in bands rather than one strip.
  foldIntoBands(centre, sizes, links);

  // The scenario's own positions win; the rest keep the automatic ones, moved below anything the
  // scenario placed that they would overlap.
  std::vector<QRectF> fixed;
  const auto box = [&](std::uint32_t c, QPointF at) {
    return QRectF(at - QPointF(sizes[c].width() / 2, sizes[c].height() / 2), sizes[c]);
  };
  for (std::uint32_t c = 0; c < n; ++c) {
    const auto it = scenario.layout.find(model.components[c].id);
    if (it == scenario.layout.end()) continue;
    centre[c] = {it->second.x, it->second.y};
    placed[c] = false;
    fixed.push_back(box(c, centre[c]));
  }
  if (fixed.empty()) return centre;
  for (std::uint32_t c = 0; c < n; ++c) {
    if (!placed[c]) continue;
    QRectF r = box(c, centre[c]);
    for (bool moved = true; moved;) {
      moved = false;
      for (const QRectF& f : fixed) {
        if (!r.adjusted(-20, -20, 20, 20).intersects(f)) continue;
        r.moveTop(f.bottom() + kRowGap);
        moved = true;
      }
    }
    centre[c] = r.center();
    fixed.push_back(r);
  }
  return centre;
}

}  // namespace brokerlab::ui
