import Foundation
import RecordLog
import Testing
import TradelogCore
import TradelogServices
import TradelogTestSupport
import TradelogWire

@Suite struct LogTailTests {
  private static func records(_ count: Int, from first: Int = 0) -> [NewRecord] {
    (first..<first + count).map {
      NewRecord(value: CommandEncoder.encode(.cancelOrder(CancelOrder(account: 1, orderId: UInt64($0 + 1)))))
    }
  }

  @Test func withoutFollowReadsWhatIsThereInReadsOfTheLimit() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let log = try openLog(.sqlite(path: directory.file("log.db").path))
    try log.append(Self.records(25))
    var reads: [[Int64]] = []

    let count = try LogTail(configuration: .init(from: 5, readLimit: ReadLimit(records: 8))).run(log) {
      entries in
      reads.append(entries.map(\.record.position))
    }

    #expect(count == 20)
    #expect(reads.map(\.count) == [8, 8, 4])
    #expect(reads.joined().map { $0 } == Array(5..<25))
  }

  @Test func withoutFollowStopsAtTheEndItFoundAtTheStart() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let log = try openLog(.sqlite(path: directory.file("log.db").path))
    try log.append(Self.records(10))
    var positions: [Int64] = []

    // Appending while reading must not make the read endless.
    let count = try LogTail(configuration: .init(readLimit: ReadLimit(records: 4))).run(log) { entries in
      positions += entries.map(\.record.position)
      try log.append(Self.records(4, from: 100))
    }

    #expect(count == 10)
    #expect(positions == Array(0..<10))
  }

  @Test func followStopsWhenAsked() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let log = try openLog(.sqlite(path: directory.file("log.db").path))
    try log.append(Self.records(3))
    var positions: [Int64] = []

    let count = try LogTail(configuration: .init(follow: true, waitInterval: .milliseconds(10))).run(
      log, output: { positions += $0.map(\.record.position) }, shouldStop: { positions.count >= 3 })

    #expect(count == 3)
    #expect(positions == [0, 1, 2])
  }
}
