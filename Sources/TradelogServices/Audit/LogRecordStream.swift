import RecordLog

/// Reads a log's records in position order, a read at a time, up to an end position fixed when the
/// audit began: records appended later (a sequencer still running) are left for the next audit.
struct LogRecordStream {
  static let readSize = 4_096

  let log: any LogConnection
  let end: Int64
  /// The position of the next record to return (on Kafka, positions may skip transaction markers).
  private(set) var position: Int64 = 0
  private var records: [LogRecord] = []
  private var index = 0

  init(log: any LogConnection, end: Int64) {
    self.log = log
    self.end = end
  }

  /// The next record before `end`, or nil once there is none.
  mutating func next() throws(AuditError) -> LogRecord? {
    if index == records.count {
      guard position < end else { return nil }
      do {
        records = try log.read(from: position, max: ReadLimit(records: Self.readSize))
      } catch {
        throw AuditError(error, while: "reading \(log.address) from position \(position)")
      }
      index = 0
    }
    guard index < records.count, records[index].position < end else {
      position = end
      return nil
    }
    let record = records[index]
    index += 1
    position = record.position + 1
    return record
  }
}
