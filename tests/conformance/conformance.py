#!/usr/bin/env python3
"""BrokerLab against a real RabbitMQ: each probe is a small deterministic situation, driven on the
broker with pika (publish everything before a consumer attaches, fixed counts, basic_get where
timing would matter) and simulated by an equivalent BrokerLab scenario; their numbers must agree.

  conformance.py probe --port PORT --out FILE   drive a running broker, write what it did
  conformance.py compare --cli CLI --broker FILE [--work DIR] [--recorded FILE]
                                                run the BrokerLab scenarios, print the table,
                                                exit 1 on any disagreement; with --recorded,
                                                also name the probes where the broker (a live
                                                run) did otherwise than the recorded numbers

docs/broker-fidelity.md describes the probes; scripts/conformance runs both steps (and starts a
private node) or, where no broker can be installed, compares with the recorded numbers.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import time

# ---------------------------------------------------------------------------------------------
# BrokerLab scenarios: small builders. Every producer sends one message each millisecond from
# 1 ms on (serials count from 1 in publish order, like the probes' bodies "1", "2", ...).


def scenario(name, components, faults=(), duration="10s"):
    return {"format": "brokerlab-scenario", "version": 1, "name": name, "duration": duration,
            "network": {"latency": "1ms"}, "components": list(components),
            "faults": list(faults), "layout": {}}


def producer(pid, target, count, **extra):
    return dict({"id": pid, "kind": "producer", "target": target, "interarrival": "1ms",
                 "count": count}, **extra)


def queue(qid, **extra):
    return dict({"id": qid, "kind": "queue"}, **extra)


def consumer(cid, source, service="1h", **extra):
    return dict({"id": cid, "kind": "consumer", "source": source, "service": service}, **extra)


def topic(tid, **extra):
    return dict({"id": tid, "kind": "topic"}, **extra)


# ---------------------------------------------------------------------------------------------
# The broker side (pika is imported only here: the comparison needs no broker library).

class Broker:
    def __init__(self, port):
        import pika
        self.pika = pika
        self.params = pika.ConnectionParameters("127.0.0.1", port, heartbeat=0)
        self.conn = pika.BlockingConnection(self.params)
        self.ch = self.conn.channel()
        props = self.conn._impl.server_properties
        self.version = props.get("version", b"").decode() if isinstance(
            props.get("version"), bytes) else str(props.get("version"))

    def channel(self):
        return self.pika.BlockingConnection(self.params).channel()

    def declare(self, name, queue_type="classic", dlq=None, **args):
        """Declares a fresh queue: x-* arguments from keyword names (max_length -> x-max-length)."""
        self.ch.queue_delete(name)
        arguments = {"x-queue-type": queue_type}
        for key, value in args.items():
            arguments["x-" + key.replace("_", "-")] = value
        if dlq:
            self.ch.queue_delete(dlq)
            self.ch.queue_declare(dlq, durable=True)
            arguments["x-dead-letter-exchange"] = ""
            arguments["x-dead-letter-routing-key"] = dlq
        self.ch.queue_declare(name, durable=True, arguments=arguments)

    def refused(self, name, durable=True, **args):
        """1 when the broker refuses to declare the queue (406), else 0."""
        ch = self.channel()
        try:
            ch.queue_delete(name)
            ch.queue_declare(name, durable=durable,
                             arguments={"x-" + k.replace("_", "-"): v for k, v in args.items()})
            ch.queue_delete(name)
            ch.connection.close()
            return 0
        except self.pika.exceptions.ChannelClosedByBroker as e:
            ch.connection.close()
            return 1 if e.reply_code == 406 else 0

    def publish(self, queue_or_key, bodies, exchange="", confirm=False, **props):
        """Publishes bodies in order; with confirm, returns how many the broker nacked."""
        ch = self.channel()
        if confirm:
            ch.confirm_delivery()
        nacked = 0
        for body in bodies:
            try:
                ch.basic_publish(exchange, queue_or_key, str(body).encode(),
                                 self.pika.BasicProperties(**props))
            except self.pika.exceptions.NackError:
                nacked += 1
        ch.connection.close()
        return nacked

    def ready(self, name):
        return self.ch.queue_declare(name, durable=True, passive=True).method.message_count

    def settle(self, *names):
        """Waits until the ready counts of the named queues hold still; returns them."""
        return until_quiet(lambda: [self.ready(n) for n in names])

    @staticmethod
    def consume(channels, taken):
        """Runs the channels' consumer callbacks until taken() holds still (the broker has sent
        what it will send): a fixed window would miss deliveries on a slow machine."""
        def read():
            for ch in channels:
                ch.connection.process_data_events(time_limit=0.02)
            return taken()
        return until_quiet(read)

    def drain(self, name):
        """Takes every ready message: [(body as int, x-death reason or None, redelivered)]."""
        out = []
        while True:
            method, props, body = self.ch.basic_get(name, auto_ack=True)
            if method is None:
                return out
            deaths = (props.headers or {}).get("x-death") or [{}]
            reason = deaths[0].get("reason")
            out.append((int(body), reason.decode() if isinstance(reason, bytes) else reason,
                        method.redelivered))


def reasons(drained):
    counts = {}
    for _, reason, _ in drained:
        counts[reason] = counts.get(reason, 0) + 1
    return counts


# Waiting for the broker. A fixed sleep is a guess at how fast this machine is: on a loaded CI
# machine the broker can take longer than any guess to expire, dead-letter or return a message, and
# the probe would record a half-applied state. So each probe waits for what it reads to stop
# changing (or for a condition), with a limit far beyond any healthy broker's time.
QUIET = 0.5  # seconds a reading must hold still to count as settled
LIMIT = 30.0  # seconds after which a probe records what it sees, settled or not


def until_quiet(read):
    """Polls read() until it returns the same value for QUIET seconds; returns that value."""
    start = time.monotonic()
    value, since = read(), start
    while True:
        time.sleep(0.05)
        now = time.monotonic()
        latest = read()
        if latest != value:
            value, since = latest, now
        elif now - since >= QUIET:
            return value
        if now - start >= LIMIT:
            return latest


def until(condition):
    """Polls condition() until it is true or LIMIT seconds have passed."""
    start = time.monotonic()
    while not condition() and time.monotonic() - start < LIMIT:
        time.sleep(0.05)


# ---------------------------------------------------------------------------------------------
# The probes. Each: name, the claim, broker(b) -> metrics, the BrokerLab scenario, and how its
# metrics are read from the run (reader(report, trace) -> metrics).

PROBES = []


def probe(name, claim, model):
    def register(broker):
        PROBES.append({"name": name, "claim": claim, "broker": broker, "model": model})
        return broker
    return register


def q(report, qid):
    return report["components"][qid]


@probe("drop-head", "max-length 5, drop-head, 10 published: the oldest 5 are dead-lettered (maxlen)",
       lambda: (scenario("drop-head", [producer("p", "q", 10),
                                       queue("q", max_length=5, dead_letter="dlq"), queue("dlq")]),
                lambda r, t: {"ready": q(r, "q")["depth_now"],
                              "dead_lettered": dead_lettered(t, "q"),
                              "reasons": q(r, "q")["dead_letter_reasons"] and nonzero(
                                  q(r, "q")["dead_letter_reasons"])}))
def drop_head(b):
    b.declare("cf.dh", dlq="cf.dh.dlq", max_length=5)
    b.publish("cf.dh", range(1, 11), confirm=True)
    b.settle("cf.dh", "cf.dh.dlq")
    dead = b.drain("cf.dh.dlq")
    return {"ready": b.ready("cf.dh"), "dead_lettered": [m for m, _, _ in dead],
            "reasons": reasons(dead)}


@probe("reject-publish", "max-length 5, reject-publish, 10 published with confirms: 5 nacked",
       lambda: (scenario("reject-publish", [producer("p", "q", 10, confirm=True),
                                            queue("q", max_length=5, overflow="reject-publish",
                                                  dead_letter="dlq"), queue("dlq")]),
                lambda r, t: {"ready": q(r, "q")["depth_now"],
                              "publisher_nacks": r["components"]["p"]["rejected"],
                              "dead_lettered": dead_lettered(t, "q")}))
def reject_publish(b):
    b.declare("cf.rp", dlq="cf.rp.dlq", max_length=5, overflow="reject-publish")
    nacks = b.publish("cf.rp", range(1, 11), confirm=True)
    b.settle("cf.rp", "cf.rp.dlq")
    return {"ready": b.ready("cf.rp"), "publisher_nacks": nacks,
            "dead_lettered": [m for m, _, _ in b.drain("cf.rp.dlq")]}


@probe("reject-publish-dlx", "classic, reject-publish-dlx: the refused are nacked and dead-lettered",
       lambda: (scenario("reject-publish-dlx", [producer("p", "q", 10, confirm=True),
                                                queue("q", max_length=5,
                                                      overflow="reject-publish-dlx",
                                                      dead_letter="dlq"), queue("dlq")]),
                lambda r, t: {"ready": q(r, "q")["depth_now"],
                              "publisher_nacks": r["components"]["p"]["rejected"],
                              "dead_lettered": dead_lettered(t, "q"),
                              "reasons": nonzero(q(r, "q")["dead_letter_reasons"])}))
def reject_publish_dlx(b):
    b.declare("cf.rpd", dlq="cf.rpd.dlq", max_length=5, overflow="reject-publish-dlx")
    nacks = b.publish("cf.rpd", range(1, 11), confirm=True)
    b.settle("cf.rpd", "cf.rpd.dlq")
    dead = b.drain("cf.rpd.dlq")
    return {"ready": b.ready("cf.rpd"), "publisher_nacks": nacks,
            "dead_lettered": [m for m, _, _ in dead], "reasons": reasons(dead)}


@probe("quorum-reject-publish-dlx", "quorum queues take reject-publish-dlx but drop from the head:"
       " BrokerLab refuses it and models it as drop-head",
       lambda: (scenario("quorum-rpdlx", [producer("p", "q", 10, confirm=True),
                                          queue("q", type="quorum", max_length=5,
                                                dead_letter="dlq"), queue("dlq")]),
                lambda r, t: {"ready": q(r, "q")["depth_now"],
                              "publisher_nacks": r["components"]["p"]["rejected"],
                              "dead_lettered": dead_lettered(t, "q"),
                              "reasons": nonzero(q(r, "q")["dead_letter_reasons"])}))
def quorum_rpdlx(b):
    b.declare("cf.qrpd", "quorum", dlq="cf.qrpd.dlq", max_length=5, overflow="reject-publish-dlx")
    nacks = b.publish("cf.qrpd", range(1, 11), confirm=True)
    b.settle("cf.qrpd", "cf.qrpd.dlq")
    dead = b.drain("cf.qrpd.dlq")
    return {"ready": b.ready("cf.qrpd"), "publisher_nacks": nacks,
            "dead_lettered": [m for m, _, _ in dead], "reasons": reasons(dead)}


@probe("prefetch", "prefetch 3, manual ack, 10 waiting, no acks: 3 delivered, 7 ready",
       lambda: (scenario("prefetch", [producer("p", "q", 10), queue("q"),
                                      consumer("c", "q", prefetch=3, join="100ms")]),
                lambda r, t: {"delivered": q(r, "q")["delivered"],
                              "ready": q(r, "q")["depth_now"],
                              "unacked": q(r, "q")["unacked_now"]}))
def prefetch(b):
    b.declare("cf.pf")
    b.publish("cf.pf", range(1, 11), confirm=True)
    ch = b.channel()
    ch.basic_qos(prefetch_count=3)
    got = []
    ch.basic_consume("cf.pf", lambda c, m, p, body: got.append(int(body)))
    b.consume([ch], lambda: len(got))
    result = {"delivered": len(got), "ready": b.ready("cf.pf"), "unacked": len(got)}
    ch.connection.close()
    return result


@probe("redelivery", "3 taken, each nacked with requeue and taken again: same order, flagged",
       lambda: (scenario("redelivery", [producer("p", "q", 3),
                                        queue("q", max_deliveries=2),
                                        consumer("c", "q", service="10ms", prefetch=3,
                                                 join="100ms", failure_probability=1)]),
                lambda r, t: {"deliveries": deliveries(t, "q")[:6]}))
def redelivery(b):
    b.declare("cf.rd")
    b.publish("cf.rd", [1, 2, 3], confirm=True)
    got = []
    tags = []
    for _ in range(3):
        method, _, body = b.ch.basic_get("cf.rd")
        got.append([int(body), method.redelivered])
        tags.append(method.delivery_tag)
    for tag in tags:  # each failure in turn: nack, and the message is taken again
        b.ch.basic_nack(tag, requeue=True)
        method, _, body = b.ch.basic_get("cf.rd")
        got.append([int(body), method.redelivered])
        b.ch.basic_nack(method.delivery_tag, requeue=False)
    return {"deliveries": got}


@probe("reject", "basic.reject without requeue: dead-lettered as rejected, not dropped",
       lambda: (scenario("reject", [producer("p", "q", 5), queue("q", dead_letter="dlq"),
                                    queue("dlq"),
                                    consumer("c", "q", service="10ms", join="100ms",
                                             failure_probability=1, requeue=False)]),
                lambda r, t: {"dead_lettered": dead_lettered(t, "q"),
                              "reasons": nonzero(q(r, "q")["dead_letter_reasons"]),
                              "ready": q(r, "q")["depth_now"]}))
def reject(b):
    b.declare("cf.rj", dlq="cf.rj.dlq")
    b.publish("cf.rj", range(1, 6), confirm=True)
    for _ in range(5):
        method, _, _ = b.ch.basic_get("cf.rj")
        b.ch.basic_reject(method.delivery_tag, requeue=False)
    b.settle("cf.rj", "cf.rj.dlq")
    dead = b.drain("cf.rj.dlq")
    return {"dead_lettered": [m for m, _, _ in dead], "reasons": reasons(dead),
            "ready": b.ready("cf.rj")}


@probe("queue-ttl", "x-message-ttl 100 ms, 5 waiting: all expire, dead-lettered as expired",
       lambda: (scenario("queue-ttl", [producer("p", "q", 5),
                                       queue("q", ttl="100ms", dead_letter="dlq"), queue("dlq")]),
                lambda r, t: {"dead_lettered": dead_lettered(t, "q"),
                              "reasons": nonzero(q(r, "q")["dead_letter_reasons"]),
                              "ready": q(r, "q")["depth_now"]}))
def queue_ttl(b):
    b.declare("cf.qt", dlq="cf.qt.dlq", message_ttl=100)
    b.publish("cf.qt", range(1, 6), confirm=True)
    until(lambda: b.ready("cf.qt") == 0)  # a queue TTL expires every message, from any position
    b.settle("cf.qt.dlq")
    dead = b.drain("cf.qt.dlq")
    return {"dead_lettered": [m for m, _, _ in dead], "reasons": reasons(dead),
            "ready": b.ready("cf.qt")}


def per_message_ttl_model(queue_type):
    return lambda: (
        scenario("per-message-ttl", [producer("keep", "q", 1),
                                     producer("short", "q", 1, start="1ms", expiration="100ms"),
                                     queue("q", type=queue_type, dead_letter="dlq"), queue("dlq"),
                                     consumer("c", "q", service="10ms", join="1s")]),
        lambda r, t: {"ready_at_400ms": depth_at(t, "q", 400),
                      "delivered": [m for m, _ in deliveries(t, "q")],
                      "dead_lettered": dead_lettered(t, "q"),
                      "reasons": nonzero(q(r, "q")["dead_letter_reasons"])})


def per_message_ttl(b, name, queue_type):
    b.declare(name, queue_type, dlq=name + ".dlq")
    b.publish(name, [1], confirm=True)
    b.publish(name, [2], confirm=True, expiration="100")
    time.sleep(0.4)  # a minimum: behind a live head, an expired message is counted at any later time
    ready = b.ready(name)
    got = [m for m, _, _ in b.drain(name)]
    b.settle(name, name + ".dlq")
    dead = b.drain(name + ".dlq")
    return {"ready_at_400ms": ready, "delivered": got, "dead_lettered": [m for m, _, _ in dead],
            "reasons": reasons(dead)}


@probe("per-message-ttl", "classic: a message's own expiration; it leaves only from the head",
       per_message_ttl_model("classic"))
def per_message_ttl_classic(b):
    return per_message_ttl(b, "cf.pmt", "classic")


@probe("per-message-ttl-quorum", "quorum (3.10.8): the same", per_message_ttl_model("quorum"))
def per_message_ttl_quorum(b):
    return per_message_ttl(b, "cf.pmtq", "quorum")


def close_model(ack):
    return lambda: (
        scenario("close-" + ack, [producer("p", "q", 5), queue("q"),
                                  consumer("c", "q", prefetch=10, ack=ack, join="100ms")],
                 [{"at": "1s", "kind": "close", "target": "c"}]),
        lambda r, t: {"ready_after_close": q(r, "q")["depth_now"],
                      "lost": r["ledger"]["lost_consumer_crash"],
                      "returned": r["components"]["c"]["requeued_after_crash"]})


def close_channel(b, name, auto_ack):
    b.declare(name)
    b.publish(name, range(1, 6), confirm=True)
    ch = b.channel()
    ch.basic_qos(prefetch_count=10)
    got = []
    ch.basic_consume(name, lambda c, m, p, body: got.append(int(body)), auto_ack=auto_ack)
    b.consume([ch], lambda: len(got))
    ch.close()  # with nothing acked
    ch.connection.close()
    ready, = b.settle(name)
    return {"ready_after_close": ready, "lost": len(got) if auto_ack else 0,
            "returned": 0 if auto_ack else ready}


@probe("close-manual-ack", "manual ack: a closed channel's unacked messages return at once",
       close_model("manual"))
def close_manual(b):
    return close_channel(b, "cf.cm", False)


@probe("close-auto-ack", "auto ack: what a consumer held is lost with its channel",
       close_model("auto"))
def close_auto(b):
    return close_channel(b, "cf.ca", True)


@probe("round-robin", "two consumers, prefetch 10, 6 published: taken in turn",
       lambda: (scenario("round-robin", [producer("p", "q", 6, start="100ms"), queue("q"),
                                         consumer("a", "q", prefetch=10),
                                         consumer("b", "q", prefetch=10)]),
                lambda r, t: {"a": [m for m, _ in deliveries(t, "q", "a")],
                              "b": [m for m, _ in deliveries(t, "q", "b")]}))
def round_robin(b):
    b.declare("cf.rr")
    chans, got = [], {"a": [], "b": []}
    for name in ("a", "b"):
        ch = b.channel()
        ch.basic_qos(prefetch_count=10)
        ch.basic_consume("cf.rr", lambda c, m, p, body, n=name: got[n].append(int(body)))
        chans.append(ch)
    b.publish("cf.rr", range(1, 7), confirm=True)
    b.consume(chans, lambda: len(got["a"]) + len(got["b"]))
    for ch in chans:
        ch.connection.close()
    return got


TOPIC_KEYS = ["eu.created", "eu.orders.created", "us.created", "eu", "us.orders"]
TOPIC_BINDINGS = {"one-word": ["eu.*"], "any-words": ["eu.#"], "all": ["#"],
                  "created": ["*.created"], "two-patterns": ["eu.#", "*.created"]}


def exchange_model(exchange_type, keys, bindings):
    def build():
        comps = [producer("p%d" % i, "x", 1, start="%dms" % i, routing_key=k)
                 for i, k in enumerate(keys)]
        comps.append(topic("x", type=exchange_type))
        for name, patterns in bindings.items():
            c = consumer(name, "x", durable=True, prefetch=0)
            if patterns:
                c["binding"] = patterns if len(patterns) > 1 else patterns[0]
            comps.append(c)
        return (scenario(exchange_type, comps),
                lambda r, t: {n: r["components"]["x"]["subscriptions"][n]["published"]
                              for n in bindings})
    return build


def exchange(b, exchange_type, keys, bindings):
    name = "cf.x." + exchange_type
    b.ch.exchange_delete(name)
    b.ch.exchange_declare(name, exchange_type)
    for queue_name, patterns in bindings.items():
        qn = name + "." + queue_name
        b.declare(qn)
        for pattern in patterns or [""]:
            b.ch.queue_bind(qn, name, pattern)
    ch = b.channel()
    ch.confirm_delivery()
    for k in keys:
        ch.basic_publish(name, k, b"1")
    ch.connection.close()
    counts = b.settle(*[name + "." + n for n in bindings])
    return dict(zip(bindings, counts))


@probe("topic", "topic exchange: '*' one word, '#' any; two patterns on one queue, one copy",
       exchange_model("topic", TOPIC_KEYS, TOPIC_BINDINGS))
def topic_exchange(b):
    return exchange(b, "topic", TOPIC_KEYS, TOPIC_BINDINGS)


@probe("fanout", "fanout exchange: every queue gets every message, keys ignored",
       exchange_model("fanout", ["a", "b.c", "d", "a"], {"q1": [], "q2": [], "q3": []}))
def fanout_exchange(b):
    return exchange(b, "fanout", ["a", "b.c", "d", "a"], {"q1": [], "q2": [], "q3": []})


@probe("direct", "direct exchange: equal keys; a queue bound twice gets one copy",
       exchange_model("direct", ["a", "b", "c", "a"], {"qa": ["a"], "qb": ["b"],
                                                        "qab": ["a", "b"]}))
def direct_exchange(b):
    return exchange(b, "direct", ["a", "b", "c", "a"], {"qa": ["a"], "qb": ["b"], "qab": ["a", "b"]})


def delivery_limit_model(name, reader, faults=()):
    """One message into a quorum queue with x-delivery-limit 2, read by `reader`."""
    return lambda: (
        scenario(name, [producer("p", "q", 1),
                        queue("q", type="quorum", delivery_limit=2, dead_letter="dlq"),
                        queue("dlq"), reader], faults),
        lambda r, t: {"deliveries": len(deliveries(t, "q")), "dead_lettered": dead_lettered(t, "q"),
                      "reasons": nonzero(q(r, "q")["dead_letter_reasons"])})


def back_or_dead(b, name):
    """Waits until a returned message is ready again or dead-lettered: a quorum queue applies a
    return through its log, after the nack or the channel's close has been sent."""
    until(lambda: b.ready(name) + b.ready(name + ".dlq") > 0)


def delivery_limit_result(b, name, deliveries_seen):
    b.settle(name, name + ".dlq")
    dead = b.drain(name + ".dlq")
    return {"deliveries": deliveries_seen, "dead_lettered": [m for m, _, _ in dead],
            "reasons": reasons(dead)}


@probe("delivery-limit-nack", "quorum, x-delivery-limit 2, nacked each time: 3 deliveries, then "
       "dead-lettered (delivery_limit)",
       delivery_limit_model("delivery-limit", consumer("c", "q", service="10ms", join="100ms",
                                                       failure_probability=1)))
def delivery_limit_nack(b):
    b.declare("cf.dl", "quorum", dlq="cf.dl.dlq", delivery_limit=2)
    b.publish("cf.dl", [1], confirm=True)
    n = 0
    for _ in range(10):
        method, _, _ = b.ch.basic_get("cf.dl")
        if method is None:
            break
        n += 1
        b.ch.basic_nack(method.delivery_tag, requeue=True)
        back_or_dead(b, "cf.dl")
    return delivery_limit_result(b, "cf.dl", n)


@probe("delivery-limit-close", "quorum, x-delivery-limit 2: a closed channel's return counts too",
       delivery_limit_model("delivery-limit-close", consumer("c", "q", join="100ms"),
                            [{"at": "%ds" % s, "kind": "close", "target": "c",
                              "restart_after": "500ms"} for s in (1, 2, 3)]))
def delivery_limit_close(b):
    b.declare("cf.dlc", "quorum", dlq="cf.dlc.dlq", delivery_limit=2)
    b.publish("cf.dlc", [1], confirm=True)
    n = 0
    for _ in range(10):
        ch = b.channel()
        method, _, _ = ch.basic_get("cf.dlc")
        ch.close()
        ch.connection.close()
        if method is None:
            break
        n += 1
        back_or_dead(b, "cf.dlc")
    return delivery_limit_result(b, "cf.dlc", n)


@probe("quorum-no-default-limit", "quorum without x-delivery-limit (3.10): 25 returns, still there",
       lambda: (scenario("no-limit", [producer("p", "q", 1), queue("q", type="quorum",
                                                                   dead_letter="dlq"),
                                      queue("dlq"),
                                      consumer("c", "q", service="10ms", join="100ms",
                                               failure_probability=1)]),
                lambda r, t: {"returns_survived": min(25, len(deliveries(t, "q")) - 1),
                              "dead_lettered": dead_lettered(t, "q")}))
def quorum_no_default_limit(b):
    b.declare("cf.nl", "quorum", dlq="cf.nl.dlq")
    b.publish("cf.nl", [1], confirm=True)
    survived = 0
    for _ in range(26):
        method, _, _ = b.ch.basic_get("cf.nl")
        if method is None:
            break
        if survived < 25:
            b.ch.basic_nack(method.delivery_tag, requeue=True)
            survived += 1
        else:
            b.ch.basic_ack(method.delivery_tag)
    b.settle("cf.nl", "cf.nl.dlq")
    return {"returns_survived": survived, "dead_lettered": [m for m, _, _ in b.drain("cf.nl.dlq")]}


def refused_model(component):
    return lambda: (scenario("refused", [producer("p", "q", 1), component]), None)


@probe("classic-delivery-limit-refused", "a classic queue refuses x-delivery-limit (406)",
       refused_model(queue("q", delivery_limit=2)))
def classic_delivery_limit(b):
    return {"refused": b.refused("cf.cdl", delivery_limit=2)}


@probe("quorum-non-durable-refused", "a quorum queue cannot be non-durable (406)",
       refused_model(queue("q", type="quorum", durable=False)))
def quorum_non_durable(b):
    return {"refused": b.refused("cf.qnd", durable=False, queue_type="quorum")}


def full_requeue_model(queue_type, overflow):
    # 1 and 2 wait; the consumer takes 1 at 10 ms and leaves (it gets nothing more); 3 fills the
    # queue at 20 ms; the nack of 1 at 110 ms meets a full queue; 4 is published at 200 ms.
    return lambda: (
        scenario("full-requeue", [producer("p", "q", 2), producer("late", "q", 1, start="19ms"),
                                  producer("later", "q", 1, start="199ms", confirm=True),
                                  queue("q", type=queue_type, max_length=2, overflow=overflow,
                                        dead_letter="dlq"), queue("dlq"),
                                  consumer("c", "q", service="100ms", join="10ms", leave="50ms",
                                           failure_probability=1)]),
        lambda r, t: {"ready_before_4": depth_at(t, "q", 150),
                      "dead_lettered": dead_lettered(t, "q"),
                      "publisher_nacks_of_4": r["components"]["later"]["rejected"]})


def full_requeue(b, name, queue_type, overflow):
    b.declare(name, queue_type, dlq=name + ".dlq", max_length=2, overflow=overflow)
    b.publish(name, [1, 2], confirm=True)
    method, _, _ = b.ch.basic_get(name)
    b.publish(name, [3], confirm=True)
    b.ch.basic_nack(method.delivery_tag, requeue=True)
    ready, _ = b.settle(name, name + ".dlq")
    nacks = b.publish(name, [4], confirm=True)
    b.settle(name, name + ".dlq")
    return {"ready_before_4": ready, "dead_lettered": [m for m, _, _ in b.drain(name + ".dlq")],
            "publisher_nacks_of_4": nacks}


@probe("requeue-full-drop-head", "classic drop-head: a return over max-length drops the returned",
       full_requeue_model("classic", "drop-head"))
def requeue_full_drop_head(b):
    return full_requeue(b, "cf.fdh", "classic", "drop-head")


@probe("requeue-full-drop-head-quorum", "quorum drop-head: the return goes to the back; the head"
       " is dropped", full_requeue_model("quorum", "drop-head"))
def requeue_full_drop_head_quorum(b):
    return full_requeue(b, "cf.fdhq", "quorum", "drop-head")


@probe("requeue-full-reject-publish", "classic reject-publish: a return stays above max-length;"
       " the next publish is refused", full_requeue_model("classic", "reject-publish"))
def requeue_full_reject_publish(b):
    return full_requeue(b, "cf.frp", "classic", "reject-publish")


@probe("requeue-full-reject-publish-quorum", "quorum reject-publish: the same",
       full_requeue_model("quorum", "reject-publish"))
def requeue_full_reject_publish_quorum(b):
    return full_requeue(b, "cf.frpq", "quorum", "reject-publish")


# ---------------------------------------------------------------------------------------------
# Reading a BrokerLab run: the --json report and the --trace CSV.

def nonzero(counts):
    return {k: v for k, v in counts.items() if v}


def rows(trace, event, component=None):
    return [r for r in trace if r["event"] == event and
            (component is None or r["component"] == component)]


def deliveries(trace, qid, consumer_id=None):
    """[serial, redelivered] of every delivery from a queue, in order (optionally to one consumer)."""
    return [[int(r["message"]), r["redelivered"] == "1"] for r in rows(trace, "deliver", qid)
            if consumer_id is None or r["peer"] == consumer_id]


def dead_lettered(trace, qid):
    return [int(r["message"]) for r in rows(trace, "dead-letter", qid)]


def depth_at(trace, qid, ms):
    """Ready messages of a queue just after `ms` milliseconds, replayed from the trace."""
    limit = ms * 1_000_000
    depth = 0
    for r in trace:
        if int(r["time_ns"]) > limit or r["component"] != qid:
            continue
        if r["event"] in ("enqueue", "requeue"):
            depth += 1
        elif r["event"] in ("deliver", "expire", "drop") and r["component"] == qid:
            depth -= 1
    return depth


def run_brokerlab(cli, work, p):
    built, reader = p["model"]()
    path = os.path.join(work, p["name"] + ".json")
    with open(path, "w") as f:
        json.dump(built, f, indent=2)
    if reader is None:  # a probe of what the broker refuses: BrokerLab must refuse it too
        v = subprocess.run([cli, "validate", path], capture_output=True, text=True)
        return {"refused": 1 if v.returncode == 1 else 0}, v.stderr.strip()
    trace_path = os.path.join(work, p["name"] + ".trace.csv")
    run = subprocess.run([cli, "run", path, "--json", "--trace", trace_path,
                          "--check-invariants"], capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError("%s: brokerlab-cli failed (%d): %s" % (p["name"], run.returncode,
                                                                  run.stderr.strip()))
    with open(trace_path, newline="") as f:
        trace = list(csv.DictReader(f))
    return reader(json.loads(run.stdout), trace), ""


def normal(value):
    """JSON-round-trips a value, so recorded and fresh numbers compare alike (tuples, keys)."""
    return json.loads(json.dumps(value, sort_keys=True))


def compare(args):
    with open(args.broker) as f:
        recorded = json.load(f)
    work = args.work or os.path.join(os.path.dirname(os.path.abspath(args.cli)), "conformance")
    os.makedirs(work, exist_ok=True)
    print("RabbitMQ %s (%s) against BrokerLab (%s)" % (recorded["rabbitmq_version"],
                                                       args.broker, args.cli))
    earlier = {}
    if args.recorded:
        with open(args.recorded) as f:
            earlier = json.load(f)["probes"]
    width = max(len(p["name"]) for p in PROBES)
    disagreements = 0
    changed = []
    for p in PROBES:
        broker = recorded["probes"].get(p["name"])
        ours, note = run_brokerlab(args.cli, work, p)
        if broker is None:
            verdict, disagreements = "NOT RECORDED", disagreements + 1
        elif normal(broker) == normal(ours):
            verdict = "agree"
        else:
            verdict, disagreements = "DIFFER", disagreements + 1
        print("%-*s  %-6s  %s" % (width, p["name"], verdict, p["claim"]))
        if verdict != "agree":
            print("%*s  RabbitMQ:  %s" % (width, "", json.dumps(broker, sort_keys=True)))
            print("%*s  BrokerLab: %s" % (width, "", json.dumps(ours, sort_keys=True)))
        if note and args.verbose:
            print("%*s  (%s)" % (width, "", note))
        if args.recorded and normal(earlier.get(p["name"])) != normal(broker):
            changed.append(p["name"])
            print("%*s  recorded:  %s" % (width, "", json.dumps(earlier.get(p["name"]),
                                                               sort_keys=True)))
    print("%d probes, %d agree, %d differ" % (len(PROBES), len(PROBES) - disagreements,
                                              disagreements))
    if changed:
        print("the broker did otherwise than the numbers recorded in %s, in: %s. If this broker "
              "is right, record what it does: scripts/conformance --live --record CLI" % (
                  args.recorded, ", ".join(changed)))
    return 1 if disagreements else 0


def probe_broker(args):
    b = Broker(args.port)
    out = {"rabbitmq_version": b.version, "client": "pika " + __import__("pika").__version__,
           "probes": {}}
    for p in PROBES:
        out["probes"][p["name"]] = normal(p["broker"](b))
        print("probed %s" % p["name"], file=sys.stderr)
    with open(args.out, "w") as f:
        json.dump(out, f, indent=2, sort_keys=True)
        f.write("\n")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    pp = sub.add_parser("probe")
    pp.add_argument("--port", type=int, required=True)
    pp.add_argument("--out", required=True)
    pc = sub.add_parser("compare")
    pc.add_argument("--cli", required=True)
    pc.add_argument("--broker", required=True)
    pc.add_argument("--work")
    pc.add_argument("--verbose", action="store_true")
    pc.add_argument("--recorded")
    args = parser.parse_args()
    return probe_broker(args) if args.cmd == "probe" else compare(args)


if __name__ == "__main__":
    sys.exit(main())
