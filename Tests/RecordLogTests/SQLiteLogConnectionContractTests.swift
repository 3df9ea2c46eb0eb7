import RecordLog
import Testing

/// The embedded log against the common log contract; the Kafka backend runs the same checks.
@Suite("SQLiteLogConnection honours the log contract")
struct SQLiteLogConnectionContractTests {
  /// Runs `check` over a fresh log file that every connection the check opens shares.
  func withContract(_ check: (LogConnectionContract) async throws -> Void) async throws {
    let log = try TemporaryLog()
    defer { log.remove() }
    let path = log.path
    let contract = LogConnectionContract(
      open: { clock in try SQLiteLogConnection(path: path, clock: clock) },
      guarantees: .init(gaplessPositions: true, nonDecreasingTimestamps: true))
    try await check(contract)
  }

  @Test("an empty log has nothing to read and ends at 0")
  func emptyLog() async throws { try await withContract { try $0.emptyLogHasNothingToRead() } }

  @Test("append returns gapless positions")
  func appendPositions() async throws {
    try await withContract { try $0.appendReturnsTheAssignedPositions() }
  }

  @Test("read returns keys, values, headers and timestamps exactly, in order")
  func readRecords() async throws { try await withContract { try $0.readReturnsTheRecordsAsAppended() } }

  @Test("read stops at the record and byte limits, and refuses impossible requests")
  func readLimits() async throws { try await withContract { try $0.readHonoursItsLimits() } }

  @Test("reading at or past the end returns nothing")
  func readPastEnd() async throws { try await withContract { try $0.readingAtOrPastTheEndReturnsNothing() } }

  @Test("a read that continues the last one reaches the end it finds, across several appends")
  func continuingRead() async throws {
    try await withContract { try $0.aContinuingReadReachesTheEnd() }
  }

  @Test("a read that waits no time continues where a limited read stopped")
  func zeroWaitRead() async throws {
    try await withContract { try $0.aZeroWaitReadContinuesWhereTheLastStopped() }
  }

  @Test("reads start over after reading ahead stops")
  func readingAheadStops() async throws {
    try await withContract { try $0.readsStartOverAfterReadingAheadStops() }
  }

  @Test("a tailer wakes up when another connection appends")
  func tail() async throws {
    try await withContract { try await $0.tailWakesUpWhenAnotherConnectionAppends() }
  }

  @Test("timestamps come from the clock and never decrease")
  func timestamps() async throws { try await withContract { try $0.timestampsComeFromTheClock() } }

  @Test("a second writer fences the first, whose batch leaves nothing")
  func fencing() async throws { try await withContract { try $0.aSecondWriterFencesTheFirst() } }

  @Test("concurrent appenders on separate connections lose and duplicate nothing")
  func concurrentAppenders() async throws {
    try await withContract { try await $0.concurrentAppendersLoseNothing() }
  }
}
