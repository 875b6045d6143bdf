#pragma once

// What the canvas's tests share: an item's figures against the engine's state at this moment.

#include "canvas/ConsumerItem.h"
#include "canvas/QueueItem.h"
#include "canvas/RequestReplyItems.h"
#include "canvas/SourceItems.h"
#include "canvas/StreamItem.h"
#include "canvas/TopicItem.h"
#include "canvas/TopologyScene.h"
#include "sim/Simulator.h"

#include <QtTest>

#include <algorithm>

namespace brokerlab::ui::testing {

inline InstanceLook expectedLook(const Simulator& sim, std::uint32_t consumer,
                                 std::uint32_t global) {
  const ConsumerInstanceState& st = sim.instances()[global];
  const ConsumerDef& def = sim.model().consumers[consumer];
  if (st.crashed) return InstanceLook::Crashed;
  if (!st.online || st.disconnected) return InstanceLook::Offline;
  if (def.group != kNone && sim.groups()[def.group].rebalancing) return InstanceLook::Rebalancing;
  return st.busy ? InstanceLook::Busy : InstanceLook::Idle;
}

inline void compareWithEngine(const TopologyScene& scene, const Simulator& sim) {
  const Model& m = sim.model();
  for (std::uint32_t c = 0; c < m.components.size(); ++c) {
    const ComponentRef& ref = m.components[c];
    const ComponentItem* item = scene.componentItem(c);
    QVERIFY(item);
    QCOMPARE(item->kind(), ref.kind);
    QCOMPARE(item->id(), QString::fromStdString(ref.id));
    switch (ref.kind) {
      case ComponentKind::Queue: {
        const auto* q = dynamic_cast<const QueueItem*>(item);
        QCOMPARE(q->depth(), sim.queues()[ref.index].ready.size());
        QCOMPARE(q->unacked(), sim.queues()[ref.index].unacked);
        break;
      }
      case ComponentKind::Topic: {
        const auto* t = dynamic_cast<const TopicItem*>(item);
        const TopicDef& def = m.topics[ref.index];
        for (std::size_t s = 0; s < def.subscriptions.size(); ++s)
          QCOMPARE(t->subscriptionDepth(s),
                   sim.queues()[m.consumers[def.subscriptions[s]].queue].ready.size());
        break;
      }
      case ComponentKind::Stream: {
        const auto* st = dynamic_cast<const StreamItem*>(item);
        const StreamState& state = sim.streams()[ref.index];
        QCOMPARE(st->partitions().size(), state.partitions.size());
        for (std::size_t p = 0; p < state.partitions.size(); ++p) {
          QCOMPARE(st->partitions()[p].start, state.partitions[p].startOffset());
          QCOMPARE(st->partitions()[p].end, state.partitions[p].endOffset());
          const StreamDef& def = m.streams[ref.index];
          for (std::size_t g = 0; g < def.groups.size(); ++g)
            QCOMPARE(st->partitions()[p].committed[g],
                     sim.groups()[def.groups[g]].partitions[p].committed);
        }
        break;
      }
      case ComponentKind::Consumer: {
        const auto* k = dynamic_cast<const ConsumerItem*>(item);
        const ConsumerDef& def = m.consumers[ref.index];
        QCOMPARE(k->instances().size(),
                 std::min<std::size_t>(def.instanceSlots, ConsumerItem::kDrawnMax));
        for (std::size_t i = 0; i < k->instances().size(); ++i) {
          const std::uint32_t global = def.firstInstance + static_cast<std::uint32_t>(i);
          QCOMPARE(k->instances()[i].look, expectedLook(sim, ref.index, global));
          QCOMPARE(k->instances()[i].buffered, sim.instances()[global].buffer.size());
        }
        // The instances not drawn are counted by look, and the box says how many there are.
        ConsumerItem::LookCounts rest{};
        std::uint32_t restTotal = 0;
        for (std::size_t i = k->instances().size(); i < def.instanceSlots; ++i, ++restTotal)
          ++rest[static_cast<std::size_t>(
              expectedLook(sim, ref.index, def.firstInstance + static_cast<std::uint32_t>(i)))];
        QCOMPARE(k->notDrawn(), rest);
        if (restTotal == 0)
          QVERIFY(k->notDrawnText().isEmpty());
        else
          QVERIFY2(k->notDrawnText().startsWith(QStringLiteral("+%1 more: ").arg(restTotal)),
                   qPrintable(k->notDrawnText()));
        break;
      }
      case ComponentKind::Api: {
        const auto* a = dynamic_cast<const ApiItem*>(item);
        QCOMPARE(a->busySlots(), sim.apis()[ref.index].busySlots);
        QCOMPARE(a->waiting(), sim.apis()[ref.index].waiting.size());
        QCOMPARE(a->held(), sim.apis()[ref.index].held.value);
        bool pushClients = false;
        for (const ClientDef& def : m.clients)
          pushClients |= def.api == ref.index &&
                         (def.notify == Notify::Sse || def.notify == Notify::Websocket);
        QCOMPARE(a->showsHeld(), pushClients);
        break;
      }
      case ComponentKind::Store: {
        const auto* s = dynamic_cast<const StoreItem*>(item);
        std::array<std::uint64_t, kJobStatusCount> jobs{};
        for (std::size_t a = 0; a < m.apis.size(); ++a)
          if (m.apis[a].store == ref.index)
            for (int j = 0; j < kJobStatusCount; ++j) jobs[j] += sim.apis()[a].jobs[j];
        QCOMPARE(s->jobs(), jobs);
        break;
      }
      case ComponentKind::Client: {
        const auto* k = dynamic_cast<const ClientItem*>(item);
        const ClientState& st = sim.clients()[ref.index];
        QCOMPARE(k->heard(), heardText(st.lastHeard));
        const auto count = [&](ClientOutcome o) {
          return st.outcomes[static_cast<std::size_t>(o)];
        };
        QCOMPARE(k->waiting(), count(ClientOutcome::Submitting) + count(ClientOutcome::Waiting));
        QCOMPARE(k->done(), count(ClientOutcome::Result));
        QCOMPARE(k->failed(),
                 count(ClientOutcome::Failed) + count(ClientOutcome::Cancelled) +
                     count(ClientOutcome::Invalid) + count(ClientOutcome::Unavailable) +
                     count(ClientOutcome::ResultExpired) + count(ClientOutcome::TimedOut));
        break;
      }
      case ComponentKind::Producer:
        break;
    }
  }
}

}  // namespace brokerlab::ui::testing
