import RecordLog

/// Reads a commands log from the start to the end it had when reading began, in batches, for an
/// offline replay. Opens the log read-only in spirit: a missing log is an error, never created.
struct CommandLogReader {
  let address: LogAddress
  static let batchSize = 4_096

  func forEachRecord(_ body: (LogRecord) throws -> Void) throws {
    var options = LogOpenOptions()
    options.sqlite.createIfMissing = false
    do {
      let log = try openLog(address, options: options)
      let end = try log.endPosition()
      var position: Int64 = 0
      while position < end {
        let records = try log.read(from: position, max: ReadLimit(records: Self.batchSize))
        guard let last = records.last else { break }
        for record in records where record.position < end { try body(record) }
        position = last.position + 1
      }
    } catch let error as RecordLogError {
      throw ReplayError.cannotRead(path: address.description, reason: error.message)
    }
  }
}
