import RecordLog
import Testing

/// The Kafka backend, on librdkafka's mock cluster, against the common log contract.
///
/// Positions have gaps on Kafka (a claimed writer's commit markers and claim records take offsets)
/// and timestamps are the producers' (CreateTime), so neither extra guarantee holds.
@Suite("KafkaLogConnection honours the log contract")
struct KafkaLogConnectionContractTests {
  /// Runs `check` over a fresh topic on a mock cluster of its own.
  func withContract(_ label: String, _ check: (LogConnectionContract) async throws -> Void) async throws {
    let log = try KafkaMockLog(label: label)
    let contract = LogConnectionContract(
      open: { clock in try log.open(clock: clock) },
      guarantees: .init(gaplessPositions: false, nonDecreasingTimestamps: false))
    try await check(contract)
  }

  @Test("an empty log has nothing to read and ends at 0")
  func emptyLog() async throws { try await withContract("empty") { try $0.emptyLogHasNothingToRead() } }

  @Test("append returns increasing positions")
  func appendPositions() async throws {
    try await withContract("positions") { try $0.appendReturnsTheAssignedPositions() }
  }

  @Test("read returns keys, values, headers and timestamps exactly, in order")
  func readRecords() async throws {
    try await withContract("records") { try $0.readReturnsTheRecordsAsAppended() }
  }

  @Test("read stops at the record and byte limits, and refuses impossible requests")
  func readLimits() async throws { try await withContract("limits") { try $0.readHonoursItsLimits() } }

  @Test("reading at or past the end returns nothing")
  func readPastEnd() async throws {
    try await withContract("past-end") { try $0.readingAtOrPastTheEndReturnsNothing() }
  }

  @Test("a read that continues the last one reaches the end it finds, across several appends")
  func continuingRead() async throws {
    try await withContract("continuing") { try $0.aContinuingReadReachesTheEnd() }
  }

  @Test("a read that waits no time continues where a limited read stopped")
  func zeroWaitRead() async throws {
    try await withContract("zero-wait") { try $0.aZeroWaitReadContinuesWhereTheLastStopped() }
  }

  @Test("reads start over after reading ahead stops")
  func readingAheadStops() async throws {
    try await withContract("read-ahead") { try $0.readsStartOverAfterReadingAheadStops() }
  }

  @Test("a tailer wakes up when another connection appends")
  func tail() async throws {
    try await withContract("tail") { try await $0.tailWakesUpWhenAnotherConnectionAppends() }
  }

  @Test("timestamps are the producer's clock, as given")
  func timestamps() async throws {
    try await withContract("timestamps") { try $0.timestampsComeFromTheClock() }
  }

  @Test("a second writer fences the first, whose batch leaves nothing")
  func fencing() async throws { try await withContract("fencing") { try $0.aSecondWriterFencesTheFirst() } }

  @Test("concurrent appenders on separate connections lose and duplicate nothing")
  func concurrentAppenders() async throws {
    try await withContract("concurrent") { try await $0.concurrentAppendersLoseNothing() }
  }
}
