#include "annotations/CaptionOverlay.h"

#include "canvas/Text.h"
#include "canvas/TopologyView.h"
#include "controller/SimulationController.h"

#include <QAction>
#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

namespace {
constexpr double kMargin = 18;
constexpr double kPadding = 14;
constexpr double kGap = 6;  // between the topology and the caption
}  // namespace

CaptionOverlay::CaptionOverlay(SimulationController& controller, TopologyView& view)
    : QWidget(view.viewport()), controller_(controller), view_(view) {
  setAttribute(Qt::WA_TransparentForMouseEvents, false);
  setCursor(Qt::PointingHandCursor);
  setToolTip(tr("A caption of the scenario (its \"annotations\"). Click to hide it."));
  hide();
  view.viewport()->installEventFilter(this);
  connect(&controller_, &SimulationController::simulationReset, this, &CaptionOverlay::onReset);
  connect(&controller_, &SimulationController::frameAdvanced, this, [this] { refresh(true); });
  connect(&controller_, &SimulationController::stateChanged, this, [this] { refresh(false); });
  showAction_ = new QAction(tr("Show &Captions"), this);
  showAction_->setCheckable(true);
  showAction_->setChecked(true);
  showAction_->setToolTip(
      tr("Show the scenario's captions, and pause where they ask to; hidden, the topology takes "
         "their room"));
  connect(showAction_, &QAction::toggled, this, &CaptionOverlay::setShown);
}

void CaptionOverlay::setShown(bool on) {
  controller_.setCaptionPauses(on);
  if (!on) {
    hide();
    view_.setCaptionRoom({});
    return;
  }
  reserveBand();
  refresh(false);
}

double CaptionOverlay::readingSeconds(qsizetype characters) {
  // About 15 characters a second, read twice; never less than six seconds.
  return std::max(6.0, 2.0 * static_cast<double>(characters) / 15.0);
}

QString CaptionOverlay::shownText() const {
  if (shown_ < 0 || !controller_.hasSimulation()) return {};
  return QString::fromStdString(
      controller_.scenario().annotations[static_cast<std::size_t>(shown_)].text);
}

void CaptionOverlay::onReset() {
  byTime_.clear();
  if (controller_.hasSimulation()) {
    const auto& all = controller_.scenario().annotations;
    for (int i = 0; i < static_cast<int>(all.size()); ++i) byTime_.push_back(i);
    std::stable_sort(byTime_.begin(), byTime_.end(), [&all](int a, int b) {
      return all[static_cast<std::size_t>(a)].at < all[static_cast<std::size_t>(b)].at;
    });
  }
  scale_ = view_.theme().scale();
  reserveBand();
  // After a landing the moment's caption shows afresh, even one that was hidden.
  shown_ = -1;
  dismissed_ = false;
  hide();
}

int CaptionOverlay::reachedAt(SimTime now) const {
  const auto& all = controller_.scenario().annotations;
  const auto after = std::upper_bound(
      byTime_.begin(), byTime_.end(), now,
      [&all](SimTime t, int i) { return t < all[static_cast<std::size_t>(i)].at; });
  return after == byTime_.begin() ? -1 : *(after - 1);
}

bool CaptionOverlay::waitingOnIt() const {
  if (shown_ < 0 || controller_.state() != SimulationController::RunState::Paused) return false;
  const AnnotationSpec& a = controller_.scenario().annotations[static_cast<std::size_t>(shown_)];
  return a.pause.value_or(false) && controller_.simulator().now() == a.at;
}

void CaptionOverlay::refresh(bool newFrame) {
  if (!controller_.hasSimulation() || byTime_.empty() || !showAction_->isChecked()) return;
  const int reached = reachedAt(controller_.simulator().now());
  if (reached != shown_) {
    shown_ = reached;
    dismissed_ = false;
    readFor_ = 0;
  } else if (newFrame && controller_.state() == SimulationController::RunState::Playing) {
    // The reading time runs with the frames while the run plays: a paused lecture keeps its
    // caption for as long as it is paused.
    readFor_ += controller_.animationSeconds();
  }
  const bool expired = readFor_ > readingSeconds(shownText().size());
  const bool visible = shown_ >= 0 && !dismissed_ && (!expired || waitingOnIt());
  if (scale_ != view_.theme().scale()) {  // lecture mode
    scale_ = view_.theme().scale();
    reserveBand();
  }
  if (visible) {
    place();
    show();
    raise();
    update();
  } else {
    hide();
  }
}

QString CaptionOverlay::pausedHere() {
  // "Space goes on" in one piece: in a narrow column "on)" fell alone on a line of its own.
  return tr("\n(paused here: Space\u00a0goes\u00a0on)");
}

QString CaptionOverlay::displayText() const {
  return waitingOnIt() ? shownText() + pausedHere() : shownText();
}

double CaptionOverlay::widthBelow() const {
  return std::min<double>(parentWidget()->width() - 2 * kMargin, 1100 * scale_);
}

double CaptionOverlay::columnBeside() const {
  // The narrowest column, from about a third of the canvas to a half, that holds every caption
  // within the canvas's height: the narrower, the larger the topology beside it. Under some 25
  // characters a line a caption reads as a list of words; then there is no column.
  const double canvas = parentWidget()->width();
  for (double share = 0.32; share <= 0.505; share += 0.06) {
    const double width = std::min(share * canvas, 560 * scale_);
    if (width < 240 * scale_) return 0;
    if (tallestAt(width) + 2 * kMargin <= parentWidget()->height()) return width;
  }
  return 0;
}

QSizeF CaptionOverlay::boxFor(const QString& text, double width) const {
  QFont f = font();
  f.setPointSizeF(15 * type_);
  const QRectF bound =
      QFontMetricsF(f).boundingRect(QRectF(0, 0, width - 2 * kPadding, 10000),
                                    Qt::TextWordWrap | Qt::AlignCenter, keptTogether(text));
  return {std::min(width, bound.width() + 2 * kPadding + 4), bound.height() + 2 * kPadding};
}

double CaptionOverlay::tallestAt(double width) const {
  double tallest = 0;
  if (controller_.hasSimulation() && showAction_->isChecked() && width > 0)
    for (const AnnotationSpec& a : controller_.scenario().annotations) {
      QString text = QString::fromStdString(a.text);
      if (a.pause.value_or(false)) text += pausedHere();
      tallest = std::max(tallest, boxFor(text, width).height());
    }
  return tallest;
}

void CaptionOverlay::reserveBand() {
  type_ = scale_;
  double below = tallestAt(widthBelow());
  beside_ = columnBeside();
  // With no room beside it, a band over two fifths of a short canvas (docks open in lecture
  // mode) left the topology a strip: the captions' type gives way, down to the window's.
  const double floor = scale_ > 1 ? 1.0 : 0.85;
  const double most = 0.4 * parentWidget()->height();
  while (beside_ <= 0 && below + kMargin + kGap > most && type_ > floor) {
    type_ = std::max(floor, type_ * 0.9);
    below = tallestAt(widthBelow());
  }
  if (below <= 0) {
    beside_ = 0;
    view_.setCaptionRoom({});
    return;
  }
  TopologyView::CaptionRoom room;
  room.below = static_cast<int>(std::ceil(below + kMargin + kGap));
  if (beside_ > 0) room.beside = static_cast<int>(std::ceil(beside_ + kMargin + kGap));
  view_.setCaptionRoom(room);
}

void CaptionOverlay::place() {
  const QWidget* area = parentWidget();
  if (view_.captionBeside()) {  // at the right, level with the topology's middle
    const QSizeF box = boxFor(displayText(), beside_);
    setGeometry(static_cast<int>(area->width() - kMargin - box.width()),
                static_cast<int>((area->height() - box.height()) / 2),
                static_cast<int>(box.width()) + 1, static_cast<int>(box.height()) + 1);
    return;
  }
  const QSizeF box = boxFor(displayText(), widthBelow());
  setGeometry(static_cast<int>((area->width() - box.width()) / 2),
              static_cast<int>(area->height() - box.height() - kMargin),
              static_cast<int>(box.width()) + 1, static_cast<int>(box.height()) + 1);
}

void CaptionOverlay::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  QPainterPath box;
  box.addRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 10, 10);
  p.fillPath(box, QColor(0x1f, 0x23, 0x28, 225));
  p.setPen(QPen(QColor(0x56, 0xb4, 0xe9), 2 * scale_));  // the timeline's caption blue
  p.drawPath(box);
  QFont f = font();
  f.setPointSizeF(15 * type_);
  p.setFont(f);
  p.setPen(Qt::white);
  const QString text = keptTogether(displayText());
  p.drawText(QRectF(rect()).adjusted(kPadding, kPadding, -kPadding, -kPadding),
             Qt::TextWordWrap | Qt::AlignCenter, text);
}

void CaptionOverlay::mousePressEvent(QMouseEvent*) {
  dismissed_ = true;
  hide();
}

bool CaptionOverlay::eventFilter(QObject* watched, QEvent* event) {
  if (watched == parentWidget() && event->type() == QEvent::Resize) {
    reserveBand();  // narrower, a caption takes more lines
    if (isVisible()) place();
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace brokerlab::ui
