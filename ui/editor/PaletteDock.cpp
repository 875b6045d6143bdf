#include "editor/PaletteDock.h"

#include "canvas/TopologyView.h"
#include "editor/CanvasEditing.h"
#include "editor/TopologyEditor.h"
#include "scenario/ScenarioEdits.h"

#include <QAction>
#include <QListWidget>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>

namespace brokerlab::ui {

namespace {

// The entries' list: a drag carries the blueprint's name.
class PaletteList : public QListWidget {
 public:
  using QListWidget::QListWidget;

 protected:
  QStringList mimeTypes() const override { return {QString::fromLatin1(kBlueprintMimeType)}; }
  QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override {
    if (items.isEmpty()) return nullptr;
    auto* data = new QMimeData;
    data->setData(kBlueprintMimeType, items.first()->data(Qt::UserRole).toByteArray());
    return data;
  }
};

// A small drawing in the canvas's shapes: senders round, channels as boxes, the rest plain.
QIcon pictureOf(edits::Blueprint b) {
  QPixmap pixmap(64, 64);
  pixmap.fill(Qt::transparent);
  QPainter p(&pixmap);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(QPen(QColor(0x33, 0x33, 0x33), 3));
  p.setBrush(QColor(0xf4, 0xf4, 0xf4));
  using B = edits::Blueprint;
  switch (b) {
    case B::Producer:
    case B::Client:
      p.setBrush(b == B::Producer ? QColor(0x00, 0x72, 0xb2) : QColor(0xcc, 0x79, 0xa7));
      p.drawEllipse(QRectF(12, 12, 40, 40));
      break;
    case B::Queue:
      p.drawRect(QRectF(6, 20, 52, 24));
      for (int x = 19; x < 58; x += 13) p.drawLine(x, 20, x, 44);
      break;
    case B::Topic: {
      p.drawRect(QRectF(6, 8, 30, 48));
      p.drawLine(36, 20, 58, 12);
      p.drawLine(36, 32, 58, 32);
      p.drawLine(36, 44, 58, 52);
      break;
    }
    case B::Stream:
      for (int row = 0; row < 3; ++row) p.drawRect(QRectF(6, 8 + row * 17, 52, 13));
      break;
    case B::Consumer:
    case B::Worker:
      p.drawRoundedRect(QRectF(10, 14, 44, 36), 8, 8);
      if (b == B::Worker) {
        p.drawLine(22, 32, 42, 32);
        p.drawLine(32, 22, 32, 42);
      }
      break;
    case B::Api:
      p.drawRoundedRect(QRectF(8, 16, 48, 32), 4, 4);
      p.setFont(QFont(QStringLiteral("Sans"), 14, QFont::Bold));
      p.drawText(QRectF(8, 16, 48, 32), Qt::AlignCenter, QStringLiteral("202"));
      break;
    case B::Store: {
      QPainterPath can;
      can.addEllipse(QRectF(14, 8, 36, 12));
      p.drawRect(QRectF(14, 14, 36, 38));
      p.drawEllipse(QRectF(14, 46, 36, 12));
      p.drawEllipse(QRectF(14, 8, 36, 12));
      break;
    }
  }
  return QIcon(pixmap);
}

}  // namespace

PaletteDock::PaletteDock(TopologyEditor& editor, TopologyView& canvas, QWidget* parent)
    : QDockWidget(tr("Palette"), parent) {
  setObjectName(QStringLiteral("palette"));
  list_ = new PaletteList(this);
  list_->setDragEnabled(true);
  list_->setDragDropMode(QAbstractItemView::DragOnly);
  list_->setIconSize(QSize(40, 40));
  list_->setSpacing(2);
  QFont font = list_->font();
  font.setPointSizeF(font.pointSizeF() * 1.15);
  list_->setFont(font);
  for (int i = 0; i < edits::kBlueprintCount; ++i) {
    const auto b = static_cast<edits::Blueprint>(i);
    const QString name = QString::fromUtf8(edits::blueprintName(b).data(),
                                           qsizetype(edits::blueprintName(b).size()));
    auto* item = new QListWidgetItem(pictureOf(b), name, list_);
    item->setData(Qt::UserRole, name.toUtf8());
    item->setToolTip(
        tr("%1: %2. Drag it onto the canvas, or double-click to add it in the "
           "middle of the view.")
            .arg(name, QString::fromUtf8(edits::blueprintSummary(b).data(),
                                         qsizetype(edits::blueprintSummary(b).size()))));
  }
  setWidget(list_);
  setMaximumWidth(200);
  const auto addInMiddle = [&editor, &canvas](QListWidgetItem* item) {
    const int i = item->listWidget()->row(item);
    if (!editor.editing()) editor.editMode()->setChecked(true);
    editor.add(static_cast<edits::Blueprint>(i),
               canvas.mapToScene(canvas.viewport()->rect().center()));
  };
  connect(list_, &QListWidget::itemActivated, this, addInMiddle);
}

}  // namespace brokerlab::ui
