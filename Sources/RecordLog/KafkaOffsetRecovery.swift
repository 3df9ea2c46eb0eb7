/// How the Kafka log finds the positions of appended records whose delivery report carried no
/// offset, without I/O (the connection reads, this decides).
///
/// librdkafka documents that an idempotent producer may report a record as delivered without its
/// offset: the record was written, the broker's answer was lost, the retry was recognised as a
/// duplicate, and the duplicate's answer carries no offset. What is still known: one producer's
/// records land in one partition in the order produced, each exactly once, so the records of one
/// append occupy increasing positions, after everything this connection appended before. Other
/// producers' records (and, for transactions, commit markers) may come between them.
///
/// Two steps, the first free and exact, the second a read:
/// 1. A run of unknown offsets between two known ones that leave exactly as many positions as the
///    run has records is filled by counting.
/// 2. Any other run is looked up in the log: the records read just before the next known position
///    (or the end) are matched against the run's records (key, value, headers and timestamp) in
///    order, from the end backwards. If another producer wrote byte-identical records with the same
///    timestamp among them, the match may name one of its copies instead: a position that holds the
///    very same record.
enum KafkaOffsetRecovery {
  /// Fills each run of unknown offsets whose known neighbours leave exactly as many positions
  /// between them as the run has records.
  static func fillByCounting(_ offsets: inout [Int64?]) {
    for run in unknownRuns(in: offsets) {
      guard run.lowerBound > 0, run.upperBound < offsets.count,
        let before = offsets[run.lowerBound - 1], let after = offsets[run.upperBound],
        after - before - 1 == Int64(run.count)
      else { continue }
      for (index, offset) in zip(run, before + 1..<after) { offsets[index] = offset }
    }
  }

  /// The maximal ranges of indices whose offsets are unknown, in order.
  static func unknownRuns(in offsets: [Int64?]) -> [Range<Int>] {
    var runs: [Range<Int>] = []
    var start: Int?
    for (index, offset) in offsets.enumerated() {
      if offset == nil, start == nil { start = index }
      if offset != nil, let runStart = start {
        runs.append(runStart..<index)
        start = nil
      }
    }
    if let start { runs.append(start..<offsets.count) }
    return runs
  }

  /// The positions of `expected` in `window` (records in position order), matched in order from the
  /// end of both backwards; nil if `window` does not hold them all in that order. Positions of
  /// `expected` are ignored: only the content is compared.
  static func matchFromEnd(_ expected: ArraySlice<LogRecord>, in window: [LogRecord]) -> [Int64]? {
    var positions: [Int64] = []
    positions.reserveCapacity(expected.count)
    var next = expected.endIndex
    for record in window.reversed() where next > expected.startIndex {
      if hasSameContent(record, expected[next - 1]) {
        positions.append(record.position)
        next -= 1
      }
    }
    guard next == expected.startIndex else { return nil }
    return positions.reversed()
  }

  private static func hasSameContent(_ first: LogRecord, _ second: LogRecord) -> Bool {
    first.timestampMilliseconds == second.timestampMilliseconds && first.key == second.key
      && first.value == second.value && first.headers == second.headers
  }
}
