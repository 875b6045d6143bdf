#include "window/StartPage.h"

#include "window/Icons.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace brokerlab::ui {

QString firstSentence(const QString& text) {
  const qsizetype end = text.indexOf(QStringLiteral(". "));
  const QString first = end < 0 ? text : text.left(end + 1);
  if (first.size() <= 180) return first;
  // Cut between words ("… so both see th…" read as a typo).
  const qsizetype space = first.lastIndexOf(QLatin1Char(' '), 177);
  return first.left(space > 0 ? space : 177) + QStringLiteral("…");
}

namespace {
// A button that is as tall as the labels laid out in it need at its width: a plain QPushButton
// sizes itself by its own (empty) text, and at 1280 pixels, where titles and descriptions wrap
// onto more lines, the grid cut its last lines through the middle.
class Card : public QPushButton {
 public:
  explicit Card(QWidget* parent) : QPushButton(parent) {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
  }
  QSize sizeHint() const override { return layout()->totalSizeHint().expandedTo(minimumSize()); }
  QSize minimumSizeHint() const override { return layout()->totalMinimumSize(); }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override {
    return std::max(minimumHeight(), layout()->totalHeightForWidth(width));
  }
};

// `title`: the card's title, whose type StartPage::fitType sets.
QPushButton* card(const BundledScenario& s, int number, QWidget* parent, QLabel** title) {
  auto* button = new Card(parent);
  button->setObjectName(QStringLiteral("scenarioCard"));
  button->setCursor(Qt::PointingHandCursor);
  button->setMinimumSize(330, 118);
  button->setToolTip(s.description);
  auto* layout = new QVBoxLayout(button);
  layout->setContentsMargins(14, 10, 14, 10);
  *title =
      new QLabel(number <= 9 ? QStringLiteral("%1  %2").arg(number).arg(s.name) : s.name, button);
  (*title)->setWordWrap(true);
  auto* summary = new QLabel(firstSentence(s.description), button);
  summary->setWordWrap(true);
  summary->setStyleSheet(QStringLiteral("color: #5c636e"));
  auto* file = new QLabel(s.file, button);
  file->setStyleSheet(QStringLiteral("color: #0072b2"));
  for (QLabel* label : {*title, summary, file})
    label->setAttribute(Qt::WA_TransparentForMouseEvents);
  layout->addWidget(*title);
  layout->addWidget(summary, 1);
  layout->addWidget(file);
  return button;
}
}  // namespace

StartPage::StartPage(QWidget* parent) : QWidget(parent), scenarios_(bundledScenarios()) {
  setObjectName(QStringLiteral("startPage"));
  setStyleSheet(
      QStringLiteral("#startPage { background: #f7f8fa; }"
                     "QPushButton#scenarioCard { background: white; border: 1px solid #d0d5dc; "
                     "border-radius: 8px; "
                     "text-align: left; }"
                     "QPushButton#scenarioCard:hover { border: 2px solid #0072b2; }"));
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(40, 28, 40, 20);
  heading_ = new QLabel(tr("BrokerLab"), this);
  auto* intro =
      new QLabel(tr("Simulate and watch asynchronous messaging: queues, topics, streams and "
                    "asynchronous request-reply. Pick a scenario to open it, then press "
                    "Space to play."),
                 this);
  intro->setWordWrap(true);
  auto* openFile = new QPushButton(icons::open(), tr("Open a scenario file…"), this);
  connect(openFile, &QPushButton::clicked, this, &StartPage::openFileRequested);
  auto* top = new QHBoxLayout;
  top->addWidget(heading_);
  top->addStretch(1);
  top->addWidget(openFile);
  outer->addLayout(top);
  outer->addWidget(intro);

  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* grid = new QWidget(scroll);
  grid->setObjectName(QStringLiteral("startPage"));
  auto* cards = new QGridLayout(grid);
  cards->setSpacing(12);
  constexpr int kColumns = 3;
  int i = 0;
  for (const BundledScenario& s : scenarios_) {
    QLabel* title = nullptr;
    QPushButton* c = card(s, i + 1, grid, &title);
    titles_ << title;
    const QString path = s.path;
    connect(c, &QPushButton::clicked, this, [this, path] { emit scenarioChosen(path); });
    cards->addWidget(c, i / kColumns, i % kColumns);
    ++i;
  }
  if (scenarios_.empty()) {
    cards->addWidget(new QLabel(tr("No bundled scenarios were found next to this program "
                                   "(share/brokerlab/scenarios). Open a scenario file instead."),
                                grid));
  }
  cards->setRowStretch(cards->rowCount(), 1);
  scroll->setWidget(grid);
  outer->addWidget(scroll, 1);
  fitType();
}

// The heading and the cards' titles a size above the page's type, which lecture mode raises; the
// rest in it (the page's style sheet keeps a font set on the page from reaching its labels).
void StartPage::fitType() {
  for (QWidget* w : findChildren<QWidget*>()) {
    if (qobject_cast<QLabel*>(w) || qobject_cast<QPushButton*>(w)) w->setFont(font());
  }
  QFont big = font();
  big.setPointSizeF(big.pointSizeF() * 2.2);
  big.setBold(true);
  heading_->setFont(big);
  QFont bold = font();
  bold.setBold(true);
  bold.setPointSizeF(bold.pointSizeF() * 1.15);
  for (QLabel* title : titles_) title->setFont(bold);
}

void StartPage::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::FontChange) fitType();
}

}  // namespace brokerlab::ui
