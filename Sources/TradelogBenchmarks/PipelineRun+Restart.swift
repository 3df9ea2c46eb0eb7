import Foundation
import SnapshotStore
import TradelogWire

extension PipelineRun {
  /// Sequences the commands that build a book of `restingOrders` resting orders (a snapshot is
  /// written when the sequencer stops), appends one more order, then starts a new sequencer and
  /// times from its start (opening the logs, the process's start-equivalent) to the new order's event
  /// batch being read: loading and checking the snapshot, recovering, applying, appending.
  /// The reference: reading and decoding that snapshot file alone.
  func restart(restingOrders: Int, into table: inout PipelineTable) throws {
    let logs = try PipelineLogs(backend: backend, name: "restart")
    let commands = RestingBook.commands(orders: restingOrders).map(CommandEncoder.encode)
    try append(commands, to: logs.commands)
    let filled = ContinuousClock.now
    let first = startSequencer(logs, snapshots: "restart")
    var tail = EventsTail(log: try backend.open(logs.events))
    try tail.follow(until: commands.count)
    let fillSeconds = filled.duration(to: .now).seconds
    try first.stop()
    table.add(
      backend: backend.name, metric: "end to end, resting-order flow, commands/s",
      figure: grouped(Double(commands.count) / fillSeconds), reference: "-", ratio: "-")

    try append([CommandEncoder.encode(RestingBook.order(restingOrders))], to: logs.commands)
    let started = ContinuousClock.now
    let second = startSequencer(logs, snapshots: "restart")
    try tail.follow(until: commands.count + 1)
    let restartSeconds = started.duration(to: .now).seconds
    try second.stop()

    let store = try SnapshotStore(
      directory: directory.appending(path: "\(backend.name)-restart-snapshots").path)
    guard let entry = try store.list().first else { throw PipelineBenchmarkError("no snapshot was written") }
    let load = try RunMeasurement.best(of: 3) { _ = try store.load(entry) }
    print(
      "  snapshot: \(grouped(Double(entry.byteCount))) bytes at command position \(entry.commandPosition)")
    table.add(
      backend: backend.name, metric: "restart to ready, \(grouped(Double(restingOrders))) resting orders, s",
      figure: fixed(restartSeconds, 3), reference: "snapshot load alone \(fixed(load.seconds, 3)) s",
      ratio: fixed(restartSeconds / load.seconds))
  }
}
