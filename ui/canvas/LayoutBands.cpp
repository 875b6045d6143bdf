#include "canvas/LayoutBands.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace brokerlab::ui {

namespace {

constexpr double kBandGap = 170;  // as between columns: room for arrows, flights and labels
constexpr int kMaxBands = 64;
constexpr double kWorthIt = 1.15;  // fold only for a picture at least this much larger

// A run of rows that cannot be cut: the groups of connected components whose heights overlap.
struct Block {
  double top = 0;
  double bottom = 0;
  std::vector<std::uint32_t> members;
};

// Each component's group: the components it is connected to, directly or not.
std::vector<int> connectedGroups(const std::vector<std::vector<std::uint32_t>>& links, int* count) {
  std::vector<int> group(links.size(), -1);
  int next = 0;
  std::vector<std::uint32_t> pending;
  for (std::uint32_t start = 0; start < links.size(); ++start) {
    if (group[start] >= 0) continue;
    group[start] = next;
    pending.assign(1, start);
    while (!pending.empty()) {
      const std::uint32_t c = pending.back();
      pending.pop_back();
      for (std::uint32_t peer : links[c])
        if (group[peer] < 0) {
          group[peer] = next;
          pending.push_back(peer);
        }
    }
    ++next;
  }
  *count = next;
  return group;
}

std::vector<Block> blocksOf(const std::vector<QPointF>& centres, const std::vector<QSizeF>& sizes,
                            const std::vector<std::vector<std::uint32_t>>& links) {
  int groups = 0;
  const std::vector<int> group = connectedGroups(links, &groups);
  std::vector<Block> byGroup(static_cast<std::size_t>(groups));
  for (Block& b : byGroup) {
    b.top = std::numeric_limits<double>::infinity();
    b.bottom = -std::numeric_limits<double>::infinity();
  }
  for (std::uint32_t c = 0; c < centres.size(); ++c) {
    Block& b = byGroup[static_cast<std::size_t>(group[c])];
    b.top = std::min(b.top, centres[c].y() - sizes[c].height() / 2);
    b.bottom = std::max(b.bottom, centres[c].y() + sizes[c].height() / 2);
    b.members.push_back(c);
  }
  std::vector<std::size_t> order(byGroup.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return byGroup[a].top < byGroup[b].top; });
  std::vector<Block> blocks;
  for (std::size_t g : order) {
    Block& next = byGroup[g];
    if (!blocks.empty() && next.top < blocks.back().bottom) {
      Block& last = blocks.back();
      last.bottom = std::max(last.bottom, next.bottom);
      last.members.insert(last.members.end(), next.members.begin(), next.members.end());
    } else {
      blocks.push_back(std::move(next));
    }
  }
  return blocks;
}

// The first block of each band, for `bands` bands of about equal height, cut in order.
std::vector<std::size_t> cutInto(const std::vector<Block>& blocks, int bands) {
  const double height = blocks.back().bottom - blocks.front().top;
  const double target = height / bands;
  // Band b starts at the first block whose middle is b targets down from the top.
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 1; i < blocks.size() && static_cast<int>(starts.size()) < bands; ++i) {
    const double middle = (blocks[i].top + blocks[i].bottom) / 2 - blocks.front().top;
    if (middle >= static_cast<double>(starts.size()) * target) starts.push_back(i);
  }
  return starts;
}

double tallestBand(const std::vector<Block>& blocks, const std::vector<std::size_t>& starts) {
  double tallest = 0;
  for (std::size_t b = 0; b < starts.size(); ++b) {
    const std::size_t last = b + 1 < starts.size() ? starts[b + 1] - 1 : blocks.size() - 1;
    tallest = std::max(tallest, blocks[last].bottom - blocks[starts[b]].top);
  }
  return tallest;
}

}  // namespace

int foldIntoBands(std::vector<QPointF>& centres, const std::vector<QSizeF>& sizes,
                  const std::vector<std::vector<std::uint32_t>>& links) {
  if (centres.size() < 2) return 1;
  const std::vector<Block> blocks = blocksOf(centres, sizes, links);
  if (blocks.size() < 2) return 1;
  double left = std::numeric_limits<double>::infinity();
  double right = -left;
  for (std::uint32_t c = 0; c < centres.size(); ++c) {
    left = std::min(left, centres[c].x() - sizes[c].width() / 2);
    right = std::max(right, centres[c].x() + sizes[c].width() / 2);
  }
  const double width = right - left;
  // How large the picture can be drawn: the canvas fits the wider of its width (over the canvas's
  // aspect) and its height.
  const auto extent = [&](int bands, const std::vector<std::size_t>& starts) {
    const double w = bands * width + (bands - 1) * kBandGap;
    return std::max(w / kCanvasAspect, tallestBand(blocks, starts));
  };
  std::vector<std::size_t> best{0};
  double bestExtent = extent(1, best);
  const double unfolded = bestExtent;
  const int most = std::min<int>(kMaxBands, static_cast<int>(blocks.size()));
  for (int bands = 2; bands <= most; ++bands) {
    const std::vector<std::size_t> starts = cutInto(blocks, bands);
    const double e = extent(static_cast<int>(starts.size()), starts);
    if (e < bestExtent) {
      bestExtent = e;
      best = starts;
    }
  }
  if (best.size() < 2 || unfolded < kWorthIt * bestExtent) return 1;
  for (std::size_t b = 0; b < best.size(); ++b) {
    const std::size_t end = b + 1 < best.size() ? best[b + 1] : blocks.size();
    const QPointF by(static_cast<double>(b) * (width + kBandGap),
                     blocks.front().top - blocks[best[b]].top);
    for (std::size_t i = best[b]; i < end; ++i)
      for (std::uint32_t c : blocks[i].members) centres[c] += by;
  }
  return static_cast<int>(best.size());
}

}  // namespace brokerlab::ui
