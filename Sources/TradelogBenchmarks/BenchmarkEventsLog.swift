import Foundation
import RecordLog
import TradelogCore
import TradelogServices
import TradelogSimulation

/// The events log the projection benchmark projects: the seeded workload run through the engine,
/// each command's events sealed into the hash chain as the sequencer does, appended to an embedded
/// (SQLite) log. Building a million batches takes a while, so the log is kept under `.local/bench/`
/// and reused by the next run with the same size.
struct BenchmarkEventsLog {
  static let seed: UInt64 = 42
  /// One command per millisecond from a fixed instant, so that reruns make the same bytes.
  static let firstTimestamp: Int64 = 1_700_000_000_000
  static let batchesPerAppend = 10_000

  let path: String

  /// The cached log of `batches` batches in `directory`, built first when missing. It is built in a
  /// directory of its own that is renamed into place when complete, so an interrupted build is never
  /// taken for a finished log.
  static func prepare(batches: Int, in directory: URL) throws -> BenchmarkEventsLog {
    let finished = directory.appending(path: "events-seed\(seed)-\(batches)")
    let log = BenchmarkEventsLog(path: finished.appending(path: "events.db").path)
    if FileManager.default.fileExists(atPath: log.path) { return log }
    let partial = directory.appending(path: "events-seed\(seed)-\(batches).partial")
    try? FileManager.default.removeItem(at: partial)
    try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
    print("building an events log of \(grouped(Double(batches))) batches (cached for later runs)")
    try write(batches: batches, toLogAt: partial.appending(path: "events.db").path)
    try FileManager.default.moveItem(at: partial, to: finished)
    return log
  }

  var address: String { "sqlite:\(path)" }

  /// Written through a connection that is closed on return, so the file is whole (its write-ahead
  /// log checkpointed) before the directory is renamed.
  private static func write(batches: Int, toLogAt path: String) throws {
    let log = try openLog(.sqlite(path: path))
    var workload = Workload(seed: seed)
    var engine = Engine()
    var buffer = EventBuffer(capacity: 256)
    var chain = EventChain()
    var pending: [NewRecord] = []
    pending.reserveCapacity(batchesPerAppend)
    for position in 0..<batches {
      guard let command = workload.next() else { break }
      engine.apply(command, timestamp: firstTimestamp + Int64(position), into: &buffer)
      pending.append(NewRecord(value: chain.sealSerialized(buffer, commandOffset: UInt64(position))))
      if pending.count == batchesPerAppend {
        _ = try log.append(pending)
        pending.removeAll(keepingCapacity: true)
      }
    }
    if !pending.isEmpty { _ = try log.append(pending) }
  }

  /// An events log with no batch: projected, it gives the reference its empty schema, made by the
  /// same migrations as the projector's.
  static func prepareEmpty(in directory: URL) throws -> BenchmarkEventsLog {
    let path = directory.appending(path: "empty-events.db").path
    _ = try openLog(.sqlite(path: path))
    return BenchmarkEventsLog(path: path)
  }
}
