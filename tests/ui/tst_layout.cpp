// Where components sit: the scenario's layout wins; without one, the automatic layout puts
// each kind in its column, never two components on top of each other, for every bundled scenario.

#include "UiFixtures.h"
#include "canvas/ComponentItem.h"
#include "canvas/TopologyLayout.h"
#include "canvas/TopologyScene.h"
#include "model/ModelBuilder.h"

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

namespace {
std::unique_ptr<TopologyScene> sceneOf(const Scenario& s, const Theme& theme) {
  auto model = std::make_shared<const Model>(*buildModel(s).model);
  return std::make_unique<TopologyScene>(s, model, theme);
}
}  // namespace

class tst_Layout : public QObject {
  Q_OBJECT

 private slots:
  void automaticLayoutNeverOverlaps_data();
  void automaticLayoutNeverOverlaps();
  void columnsFollowRoles();
  void scenarioLayoutWins();
  void partialLayoutPlacesTheRestClear();
};

void tst_Layout::automaticLayoutNeverOverlaps_data() {
  addBundledScenarioRows();
}

void tst_Layout::automaticLayoutNeverOverlaps() {
  QFETCH(QString, scenario);
  Scenario s = loadBundled(scenario);
  s.layout.clear();
  const Theme theme;
  const auto scene = sceneOf(s, theme);
  const auto& items = scene->componentItems();
  for (std::size_t a = 0; a < items.size(); ++a)
    for (std::size_t b = a + 1; b < items.size(); ++b)
      QVERIFY2(!items[a]->sceneBoundingRect().intersects(items[b]->sceneBoundingRect()),
               qPrintable(items[a]->id() + QStringLiteral(" overlaps ") + items[b]->id()));
}

void tst_Layout::columnsFollowRoles() {
  Scenario s = loadBundled(QStringLiteral("async-request-reply"));
  s.layout.clear();
  const Theme theme;
  const auto scene = sceneOf(s, theme);
  const auto x = [&](const char* id) {
    for (const ComponentItem* item : scene->componentItems())
      if (item->id() == QLatin1String(id)) return item->pos().x();
    return -1e9;
  };
  QVERIFY(x("browser") < x("jobs-api"));
  QVERIFY(x("jobs-api") < x("jobs"));
  QVERIFY(x("jobs") < x("worker"));
  QCOMPARE(x("job-status"), x("jobs"));  // the store sits under the job queue
}

void tst_Layout::scenarioLayoutWins() {
  Scenario s = loadBundled(QStringLiteral("work-queue"));
  s.layout = {{"orders-api", {-500, 300}}, {"orders", {0, 0}}, {"workers", {450, -200}}};
  const Theme theme;
  const auto scene = sceneOf(s, theme);
  QCOMPARE(scene->componentItem(0)->pos(), QPointF(-500, 300));
  QCOMPARE(scene->componentItem(1)->pos(), QPointF(0, 0));
  QCOMPARE(scene->componentItem(2)->pos(), QPointF(450, -200));
}

void tst_Layout::partialLayoutPlacesTheRestClear() {
  Scenario s = loadBundled(QStringLiteral("traffic-spike"));
  s.layout.clear();
  const Theme theme;
  const auto automatic = sceneOf(s, theme);
  // Put the queue exactly where the automatic layout puts the first producer.
  const QPointF taken = automatic->componentItem(0)->pos();
  std::uint32_t queue = 0;
  for (std::uint32_t c = 0; c < s.components.size(); ++c)
    if (s.components[c].kind == ComponentKind::Queue) queue = c;
  s.layout[s.components[queue].id] = {taken.x(), taken.y()};
  const auto scene = sceneOf(s, theme);
  QCOMPARE(scene->componentItem(queue)->pos(), taken);
  const auto& items = scene->componentItems();
  for (std::size_t a = 0; a < items.size(); ++a)
    for (std::size_t b = a + 1; b < items.size(); ++b)
      QVERIFY2(!items[a]->sceneBoundingRect().intersects(items[b]->sceneBoundingRect()),
               qPrintable(items[a]->id() + QStringLiteral(" overlaps ") + items[b]->id()));
}

QTEST_MAIN(tst_Layout)
#include "tst_layout.moc"
