import SQLiteDatabase

extension SQLiteLogConnection {
  static let insertSQL =
    "INSERT INTO records (position, timestamp, key, value, headers) VALUES (?1, ?2, ?3, ?4, ?5)"

  @discardableResult
  public func append(_ records: [NewRecord]) throws(RecordLogError) -> [Int64] {
    guard !records.isEmpty else { return [] }
    let first = try mappingErrors(while: "appending \(records.count) records") {
      try connection.transaction(.immediate) {
        try checkWriterEpoch()
        let last = try lastRecord()
        let first = last.map { $0.position + 1 } ?? 0
        // Under the write lock, so no other append can slip in between and the clamp holds.
        let timestamp = max(clock.nowMilliseconds(), last?.timestampMilliseconds ?? .min)
        try insert(records, from: first, timestamp: timestamp)
        return first
      }
    }
    changeSignal.notify()
    return Array(first..<first + Int64(records.count))
  }

  public func claimWriter() throws(RecordLogError) {
    writerEpoch = try mappingErrors(while: "claiming the writer") {
      try connection.transaction(.immediate) {
        let epoch = try storedWriterEpoch() + 1
        try connection.withCachedStatement("UPDATE meta SET value = ?1 WHERE name = 'writer_epoch'") {
          statement in
          try statement.bind(epoch, at: 1)
          try statement.execute()
        }
        return epoch
      }
    }
  }

  /// Throws `fenced` if another connection claimed the log after this one did. Runs inside the
  /// append transaction, under the write lock, so no claim can come between the check and the commit.
  private func checkWriterEpoch() throws {
    guard let writerEpoch else { return }
    let storedEpoch = try storedWriterEpoch()
    guard storedEpoch == writerEpoch else {
      throw RecordLogError(
        kind: .fenced,
        message: "another writer claimed sqlite:\(path) (writer epoch \(storedEpoch)) after this one "
          + "(epoch \(writerEpoch)); nothing was appended. This writer must stop: the newer one carries "
          + "on. If that one is gone, restart this writer to claim the log again")
    }
  }

  private func storedWriterEpoch() throws -> Int64 {
    guard let epoch = try metaValue("writer_epoch") else {
      throw RecordLogError(
        kind: .corrupt,
        message: "sqlite:\(path) has no writer epoch in its meta table: the file is damaged")
    }
    return epoch
  }

  private func lastRecord() throws -> (position: Int64, timestampMilliseconds: Int64)? {
    try connection.withCachedStatement(
      "SELECT position, timestamp FROM records ORDER BY position DESC LIMIT 1"
    ) { statement in
      try statement.step() ? (statement.int64(at: 0), statement.int64(at: 1)) : nil
    }
  }

  private func insert(_ records: [NewRecord], from first: Int64, timestamp: Int64) throws {
    try connection.withCachedStatement(Self.insertSQL) { statement in
      var position = first
      for record in records {
        try statement.bind(position, at: 1)
        try statement.bind(timestamp, at: 2)
        if let key = record.key { try statement.bind(key, at: 3) } else { try statement.bindNull(at: 3) }
        try statement.bind(record.value, at: 4)
        if record.headers.isEmpty {
          try statement.bindNull(at: 5)
        } else {
          headerBuffer.removeAll(keepingCapacity: true)
          RecordHeaderCodec.encode(record.headers, into: &headerBuffer)
          try statement.bind(headerBuffer, at: 5)
        }
        try statement.execute()
        statement.reset()
        position += 1
      }
    }
  }
}
