import SQLiteDatabase

extension SQLiteLogConnection {
  static let readSQL =
    "SELECT position, timestamp, key, value, headers FROM records WHERE position >= ?1 ORDER BY position LIMIT ?2"

  public func read(from position: Int64, max limit: ReadLimit) throws(RecordLogError) -> [LogRecord] {
    try Self.validate(position)
    try limit.validate()
    return try mappingErrors(while: "reading from position \(position)") {
      try connection.withCachedStatement(Self.readSQL) { statement in
        try statement.bind(position, at: 1)
        try statement.bind(limit.records, at: 2)
        var records: [LogRecord] = []
        records.reserveCapacity(Swift.min(limit.records, Self.readCapacityReservedMax))
        var byteCount = 0
        while try statement.step() {
          let record = try decodeRow(statement)
          byteCount += record.payloadByteCount
          if byteCount > limit.bytes, !records.isEmpty { break }
          records.append(record)
        }
        return records
      }
    }
  }

  /// Nothing to set up: the database is open and statements are prepared at their first use.
  public func prepareToRead() {}

  /// Nothing to stop: the embedded log reads only when asked.
  public func stopReadingAhead() {}

  public func endPosition() throws(RecordLogError) -> Int64 {
    try mappingErrors(while: "reading the end position") {
      try connection.withCachedStatement("SELECT max(position) FROM records") { statement in
        guard try statement.step(), !statement.isNull(at: 0) else { return 0 }
        return statement.int64(at: 0) + 1
      }
    }
  }

  /// A read reserves room for at most this many records up front: a large limit must not allocate
  /// for records that are not there.
  private static let readCapacityReservedMax = 4_096

  static func validate(_ position: Int64) throws(RecordLogError) {
    guard position >= 0 else {
      throw RecordLogError(
        kind: .invalidRequest, message: "position \(position) is negative: positions start at 0")
    }
  }

  private func decodeRow(_ statement: SQLiteStatement) throws -> LogRecord {
    let position = statement.int64(at: 0)
    var headers: [RecordHeader] = []
    if !statement.isNull(at: 4) {
      guard let decoded = statement.withBlob(at: 4, RecordHeaderCodec.decode) else {
        throw RecordLogError(
          kind: .corrupt,
          message: "the headers of the record at position \(position) in sqlite:\(path) are not in the "
            + "log's header encoding: the file is damaged or was written by another program")
      }
      headers = decoded
    }
    return LogRecord(
      position: position, timestampMilliseconds: statement.int64(at: 1),
      key: statement.isNull(at: 2) ? nil : statement.blob(at: 2), value: statement.blob(at: 3),
      headers: headers)
  }
}
