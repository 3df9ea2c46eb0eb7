import Foundation
import KafkaClient

extension KafkaLogConnection {
  /// The positions of records that were all delivered but some without an offset: counted where
  /// the known neighbours allow, otherwise read back from the log (see `KafkaOffsetRecovery`).
  func recoverPositions(
    _ offsets: [Int64?], of records: [NewRecord], timestamp: Int64
  ) throws(RecordLogError) -> [Int64] {
    var offsets = offsets
    KafkaOffsetRecovery.fillByCounting(&offsets)
    let expected = records.map { record in
      LogRecord(
        position: -1, timestampMilliseconds: timestamp, key: record.key, value: record.value,
        headers: record.headers)
    }
    for run in KafkaOffsetRecovery.unknownRuns(in: offsets) {
      let lower = run.lowerBound > 0 ? offsets[run.lowerBound - 1].map { $0 + 1 } : nil
      let upper = run.upperBound < offsets.count ? offsets[run.upperBound] : nil
      let found = try locate(expected[run], after: lower, before: upper)
      for (index, position) in zip(run, found) { offsets[index] = position }
    }
    return offsets.map { $0! }
  }

  /// Where `expected` landed: at or after `lower` (or, when nil, after this connection's previous
  /// appends, or the log's start), before `upper` (or the current end). Reads windows ending at the
  /// upper bound, growing them toward the lower one, so that the usual case (no other writer in
  /// between) reads only a little more than the records themselves.
  private func locate(
    _ expected: ArraySlice<LogRecord>, after lower: Int64?, before knownUpper: Int64?
  ) throws(RecordLogError) -> [Int64] {
    let deadline = ContinuousClock.now.advanced(by: options.operationTimeout)
    while true {
      let upper: Int64
      if let knownUpper { upper = knownUpper } else { upper = try reader.end() }
      let floor: Int64
      if let lower { floor = lower } else { floor = try lowestPossiblePosition() }
      var windowSize = Int64(expected.count) * 2 + Self.recoveryWindowSlack
      while true {
        let start = max(floor, upper - windowSize)
        let window = try readRange(start..<upper)
        if let found = KafkaOffsetRecovery.matchFromEnd(expected, in: window) { return found }
        if start <= floor { break }
        windowSize *= 4
      }
      // With no known position after the run, the run may not be visible yet: a broker exposes a
      // committed transaction to read_committed readers once its marker is written. Look again.
      guard knownUpper == nil, ContinuousClock.now < deadline else {
        throw RecordLogError(
          kind: .storageFailed,
          message:
            "\(expected.count) records appended to \(settings.address) were delivered but the broker did "
            + "not say at which positions, and they were not found between position \(floor) and "
            + "\(upper). They are in the log; read it to find them")
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
  }

  /// Where an append's first record can be at the earliest: after this connection's previous
  /// appends, or the log's start.
  private func lowestPossiblePosition() throws(RecordLogError) -> Int64 {
    reader.ownAppendEnd > 0 ? reader.ownAppendEnd : try reader.watermarks().low
  }

  /// Room for other producers' records and commit markers in the first window searched.
  private static let recoveryWindowSlack: Int64 = 64

  /// Every record in `range`, claim records included, read in batches.
  func readRange(_ range: Range<Int64>) throws(RecordLogError) -> [LogRecord] {
    var records: [LogRecord] = []
    var next = range.lowerBound
    while next < range.upperBound {
      let batch = try reader.readAvailable(from: next, max: ReadLimit(records: 10_000), includingClaims: true)
        .records
      guard let last = batch.last else { break }
      records += batch.prefix { $0.position < range.upperBound }
      next = last.position + 1
    }
    return records
  }
}
