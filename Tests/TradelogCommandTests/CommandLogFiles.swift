import Foundation
import RecordLog
import TradelogCore
import TradelogSimulation
import TradelogTestSupport
import TradelogWire

/// What the tests of the log commands share: seeded command files, running the built `tradelog`,
/// and reading a log back.
enum CommandLogFiles {
  /// `count` commands of a seeded workload, without the unreadable ones (which have no JSON form a
  /// producer accepts).
  static func commands(seed: UInt64, count: Int) -> [Command] {
    var workload = Workload(seed: seed)
    var commands: [Command] = []
    while commands.count < count, let command = workload.next() {
      if command != .unreadable { commands.append(command) }
    }
    return commands
  }

  /// The commands as a JSON-lines file's text, each line ended by a line break.
  static func jsonLines(_ commands: [Command]) -> String {
    commands.map { CommandEncoder.encodeJSON($0) + "\n" }.joined()
  }

  static func runTradelog(_ arguments: [String], input: String? = nil) throws -> ProcessResult {
    try Subprocess.run(BuiltProducts.tradelog.path, arguments, input: input.map { Data($0.utf8) })
  }

  /// Every record of the embedded log at `path`, in order.
  static func records(at path: String) throws -> [LogRecord] {
    let log = try openLog(
      .sqlite(path: path), options: LogOpenOptions(sqlite: .init(createIfMissing: false)))
    var records: [LogRecord] = []
    while true {
      let batch = try log.read(from: Int64(records.count), max: 10_000)
      guard !batch.isEmpty else { return records }
      records += batch
    }
  }

  /// Appends `values` as records to the embedded log at `path`, creating it if needed.
  static func append(_ records: [NewRecord], to path: String) throws {
    try openLog(.sqlite(path: path)).append(records)
  }

  /// The lines of `text`, each without its line break.
  static func lines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }
}
