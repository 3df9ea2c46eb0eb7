#!/usr/bin/env python3
"""Appends N seeded commands to a Tradelog commands log on Kafka, as protobuf records.

An example of a producer in another language than Swift: the command types come from the code
tools/generate-python generated from schemas/tradelog/v1/*.proto, and the records go through
confluent-kafka (librdkafka). Run it with the project's environment (tools/python-env):

    .local/python/bin/python tools/python/produce_commands.py kafka://localhost:9092/tradelog.commands \
        --count 1000 --seed 7

The commands: one market, deposits for a few accounts, then limit orders around a drifting price
and now and then a cancel of an earlier order. The same seed and count produce the same records.
Each command is also printed on standard output as a JSON line (the form `tradelog submit` reads),
so what was sent can be checked or replayed.
"""

import argparse
import random
import sys
from pathlib import Path
from urllib.parse import urlsplit

# The generated package lives beside this script.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from confluent_kafka import KafkaException, Producer  # noqa: E402
from google.protobuf import json_format  # noqa: E402

from tradelog.v1 import command_pb2, enumerations_pb2  # noqa: E402

MARKET = "BTC-USD"
ACCOUNTS = 4
# Price in quote minor units per lot, quantity in lots: tick and lot size 1 keep every order valid.
MID_PRICE = 30_000
CANCEL_EVERY = 10


def parse_address(address):
    """Splits kafka://HOST:PORT[,HOST:PORT]/TOPIC into the bootstrap servers and the topic."""
    parts = urlsplit(address)
    topic = parts.path.lstrip("/")
    if parts.scheme != "kafka" or not parts.netloc or not topic or "/" in topic:
        raise SystemExit(f"expected an address like kafka://localhost:9092/tradelog.commands, not {address!r}")
    return parts.netloc, topic


def seeded_commands(count, seed):
    """The first `count` commands of the seeded flow."""
    rng = random.Random(seed)
    commands = [
        command_pb2.Command(
            create_market=command_pb2.CreateMarket(
                market=MARKET, base="BTC", quote="USD", lot_size=1, tick_size=1, min_quantity=1,
                maker_fee_bps=10, taker_fee_bps=20,
            )
        )
    ]
    for account in range(1, ACCOUNTS + 1):
        for transfer_id, (asset, amount) in enumerate((("BTC", 1_000_000), ("USD", 10_000_000_000)), start=1):
            commands.append(
                command_pb2.Command(
                    deposit=command_pb2.Transfer(account=account, asset=asset, amount=amount, transfer_id=transfer_id)
                )
            )
    placed = []  # (account, client_order_id) of every order placed
    next_client_order_id = {account: 1 for account in range(1, ACCOUNTS + 1)}
    while len(commands) < count:
        account = rng.randint(1, ACCOUNTS)
        if placed and len(commands) % CANCEL_EVERY == 0:
            cancel_account, client_order_id = placed[rng.randrange(len(placed))]
            commands.append(
                command_pb2.Command(
                    cancel_order=command_pb2.CancelOrder(account=cancel_account, client_order_id=client_order_id)
                )
            )
            continue
        side = rng.choice((enumerations_pb2.Side.BUY, enumerations_pb2.Side.SELL))
        offset = rng.randint(1, 50)
        price = MID_PRICE - offset if side == enumerations_pb2.Side.BUY else MID_PRICE + offset
        client_order_id = next_client_order_id[account]
        next_client_order_id[account] += 1
        placed.append((account, client_order_id))
        commands.append(
            command_pb2.Command(
                place_order=command_pb2.PlaceOrder(
                    account=account, client_order_id=client_order_id, market=MARKET, side=side,
                    type=enumerations_pb2.OrderType.LIMIT, price=price, quantity=rng.randint(1, 20),
                    time_in_force=enumerations_pb2.TimeInForce.GTC,
                )
            )
        )
    return commands[:count]


def produce(bootstrap_servers, topic, commands):
    """Appends the commands in order and waits until the brokers acknowledged every one."""
    # Idempotence keeps the order and drops duplicates across retries, so the log holds each
    # command once, in the order produced; acks=all waits for every in-sync replica.
    producer = Producer(
        {"bootstrap.servers": bootstrap_servers, "enable.idempotence": True, "acks": "all", "linger.ms": 5}
    )
    failures = []

    def delivered(error, message):
        if error is not None:
            failures.append(f"offset {message.offset()}: {error}")

    for command in commands:
        producer.produce(topic, value=command.SerializeToString(deterministic=True), on_delivery=delivered)
        producer.poll(0)
    remaining = producer.flush(60)
    if remaining or failures:
        raise SystemExit(
            f"{remaining} commands were not delivered and {len(failures)} failed: {failures[:5]}; "
            "check that the brokers are reachable and the topic exists"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("address", help="the commands log, kafka://HOST:PORT/TOPIC")
    parser.add_argument("--count", type=int, default=1000, help="how many commands to append (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="the seed: the same seed appends the same commands")
    arguments = parser.parse_args()
    if arguments.count < 0:
        parser.error("--count must be 0 or more")
    bootstrap_servers, topic = parse_address(arguments.address)
    commands = seeded_commands(arguments.count, arguments.seed)
    try:
        produce(bootstrap_servers, topic, commands)
    except KafkaException as error:
        raise SystemExit(f"producing to {arguments.address} failed: {error}")
    for command in commands:
        print(json_format.MessageToJson(command, indent=None))
    print(f"produce_commands: appended {len(commands)} commands to {arguments.address}", file=sys.stderr)


if __name__ == "__main__":
    main()
