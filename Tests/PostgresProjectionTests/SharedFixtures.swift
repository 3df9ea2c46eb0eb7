import Foundation
import RecordLog
import TradelogTestSupport

/// Fixtures that several tests read and none changes: each is built once per test process.
enum SharedFixtures {
  /// The large run the projection is checked against the engine with.
  static let large = EventLogFixture(seed: 20_240_601, commandCount: 200_000)

  /// A run small enough to project many times over in one test.
  static let small = EventLogFixture(seed: 7, commandCount: 12_000)
}

/// An events log in a temporary directory, written once from a fixture.
final class TemporaryLog: Sendable {
  let directory: TemporaryDirectory
  let address: String

  init(fixture: EventLogFixture, indices: [Int]? = nil) {
    do {
      directory = try TemporaryDirectory(prefix: "tradelog-projection")
      let path = directory.file("events.sqlite").path
      try fixture.write(toLogAt: path, indices: indices)
      address = "sqlite:" + path
    } catch {
      preconditionFailure("could not write the test events log: \(error)")
    }
  }

  /// A log of these records, as they are.
  init(records: [[UInt8]]) throws {
    directory = try TemporaryDirectory(prefix: "tradelog-projection")
    let path = directory.file("events.sqlite").path
    try openLog(.sqlite(path: path)).append(records.map { NewRecord(value: $0) })
    address = "sqlite:" + path
  }

  deinit {
    directory.remove()
  }
}
