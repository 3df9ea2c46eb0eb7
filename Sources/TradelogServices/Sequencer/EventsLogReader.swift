import RecordLog
import TradelogWire

/// Finds event batches in an events log by `seq` without reading it from the start, whatever the
/// backend: positions are gapless on the embedded log but not on Kafka, where transaction markers
/// take positions of their own, so nothing here computes a position from a `seq`; it reads.
struct EventsLogReader {
  let log: any LogConnection

  /// A batch as stored, with the position it is at.
  struct Located {
    var position: Int64
    var batch: EventBatchRecord
    var bytes: [UInt8]
  }

  /// The last batch of the log, or nil if the log holds none.
  func lastBatch() throws(SequencerError) -> Located? {
    let end = try call("reading the events log's end position") { () throws(RecordLogError) in
      try log.endPosition()
    }
    // Positions at the end may hold no record (Kafka's transaction markers): step back until one does.
    var start = end
    var window: Int64 = 1
    while start > 0 {
      start = max(0, start - window)
      let records = try read(from: start, max: ReadLimit(records: Int(end - start)))
      if let last = records.last { return try decode(last) }
      window *= 2
    }
    return nil
  }

  /// The batch numbered `seq`, which must exist (`seq` at most the last batch's).
  func batch(seq: UInt64) throws(SequencerError) -> Located {
    // The embedded log's guess: batch `seq` at position `seq - 1`.
    if let guess = try read(from: Int64(seq - 1), max: 1).first.map(decode), guess.batch.seq == seq {
      return guess
    }
    var low: Int64 = 0
    var high = try call("reading the events log's end position") { () throws(RecordLogError) in
      try log.endPosition()
    }
    // Invariant: if batch `seq` exists, its position is in low..<high.
    while low < high {
      let middle = low + (high - low) / 2
      guard let record = try read(from: middle, max: 1).first else {
        high = middle
        continue
      }
      let located = try decode(record)
      if located.batch.seq == seq { return located }
      if located.batch.seq < seq { low = record.position + 1 } else { high = middle }
    }
    throw SequencerError(
      kind: .eventsLogCorrupt,
      message: "the events log \(log.address) has no batch seq \(seq) although later ones exist: it has a "
        + "gap. Rebuild it from the commands log into a new events log")
  }

  func read(from position: Int64, max limit: ReadLimit) throws(SequencerError) -> [LogRecord] {
    try call("reading the events log from position \(position)") { () throws(RecordLogError) in
      try log.read(from: position, max: limit)
    }
  }

  func decode(_ record: LogRecord) throws(SequencerError) -> Located {
    do {
      return Located(
        position: record.position, batch: try EventBatchRecord(serializedBytes: record.value),
        bytes: record.value)
    } catch {
      throw SequencerError(
        kind: .eventsLogCorrupt,
        message: "the record at position \(record.position) of the events log \(log.address) is not an "
          + "event batch (\(error)): is this really an events log? Check the --events address")
    }
  }

  private func call<Result>(
    _ operation: @autoclosure () -> String, _ body: () throws(RecordLogError) -> Result
  ) throws(SequencerError) -> Result {
    do {
      return try body()
    } catch {
      throw SequencerError(error, while: operation())
    }
  }
}
