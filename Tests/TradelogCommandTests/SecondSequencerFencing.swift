import Foundation
import RecordLog
import Testing
import TradelogTestSupport

/// The fencing scenario both backends run with the built binary: a first sequencer sequences half
/// the commands, a second starts on the same events log and claims it, the other half arrives; the
/// first must exit with status 3 and the fencing message, the second sequences everything.
/// Checking the events log's contents is left to the caller (each backend has its own reader).
enum SecondSequencerFencing {
  /// `records`: the commands, an even number; `snapshots`: each sequencer's directory (the same one
  /// or two); `waitForEvents(count)`: whether the events log reached `count` batches before a
  /// generous timeout.
  static func run(
    commands: LogAddress, events: LogAddress, producer: any LogConnection, records: [NewRecord],
    directory: TemporaryDirectory, snapshots: (first: String, second: String),
    waitForEvents: (Int) throws -> Bool
  ) throws {
    let half = records.count / 2
    try producer.append(Array(records[0..<half]))
    let first = try SequencerProcess(
      commands: commands.description, events: events.description, snapshots: snapshots.first,
      errorFile: directory.file("first.err"))
    #expect(try waitForEvents(half))
    let second = try SequencerProcess(
      commands: commands.description, events: events.description, snapshots: snapshots.second,
      errorFile: directory.file("second.err"))
    // The second has claimed the events log once it reports recovery; then new commands arrive.
    let deadline = ContinuousClock.now + .seconds(60)
    while !second.standardError.contains("recovery: "), ContinuousClock.now < deadline {
      Thread.sleep(forTimeInterval: 0.02)
    }
    try producer.append(Array(records[half...]))
    #expect(first.wait() == 3, "\(first.standardError)")
    #expect(
      first.standardError.contains("tradelog sequencer: fenced: another sequencer claimed the events log"))
    #expect(try waitForEvents(records.count))
    second.waitUntilStarted()
    second.send(SIGTERM)
    #expect(second.wait() == 0, "\(second.standardError)")
  }
}
