import CLibPQ

extension PostgresConnection {
  /// Loads rows with `COPY … FROM STDIN` in text format, each field escaped by ``PostgresCopyText``
  /// (nil is NULL). Returns the number of rows the server stored. Nothing is stored if any row fails.
  ///
  ///     try connection.copyIn("COPY trades (id, symbol) FROM STDIN", rows: [["1", "ABC"]])
  @discardableResult
  public func copyIn(_ sql: String, rows: some Sequence<[String?]>) throws(PostgresError) -> Int {
    try beginCopy(sql)
    var writer = PostgresCopyWriter(connection: self)
    do {
      for row in rows { try writer.append(row) }
      try writer.flush()
    } catch {
      abortCopy(reason: error.description)
      throw error
    }
    return try endCopy()
  }

  /// Loads rows with `COPY … FROM STDIN` in text format, written by `body` through a writer that
  /// streams them to the server in large chunks. Returns the number of rows the server stored.
  ///
  /// If `body` throws, the COPY is aborted (the server stores none of its rows) and the error is
  /// rethrown.
  @discardableResult
  public func copyIn(_ sql: String, _ body: (inout PostgresCopyWriter) throws -> Void) throws -> Int {
    try beginCopy(sql)
    var writer = PostgresCopyWriter(connection: self)
    do {
      try body(&writer)
      try writer.flush()
    } catch {
      abortCopy(reason: "the client aborted the COPY: \(error)")
      throw error
    }
    return try endCopy()
  }

  /// Sends the COPY statement. Its "result" is not an outcome: PGRES_COPY_IN means the server now
  /// waits for data, and the connection accepts nothing but PQputCopyData/PQputCopyEnd until then.
  private func beginCopy(_ sql: String) throws(PostgresError) {
    try requireConnected()
    let result = PQexec(connection, sql)
    defer { PQclear(result) }
    let status = result.map(PQresultStatus)
    if status == PGRES_COPY_IN { return }
    // A COPY statement that fails (unknown table, bad syntax) ends like any other statement; one that
    // succeeds without waiting for data was not `COPY … FROM STDIN`, which is the caller's mistake.
    precondition(
      status == nil || status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE,
      "copyIn needs a COPY … FROM STDIN statement, not: \(sql)")
    throw failure(of: result)
  }

  /// Ends the data and collects the outcome; the COPY's own error (a malformed row, a constraint)
  /// arrives only now.
  private func endCopy() throws(PostgresError) -> Int {
    guard PQputCopyEnd(connection, nil) == 1 else {
      let error = failure(of: nil)
      drainResults()
      throw error
    }
    return try collectCopyOutcome()
  }

  /// Makes the server fail the COPY with `reason`, so none of the rows sent so far are stored.
  private func abortCopy(reason: String) {
    if PQputCopyEnd(connection, reason) == 1 { drainResults() }
  }

  private func collectCopyOutcome() throws(PostgresError) -> Int {
    // The COPY's result comes from PQgetResult, and PQgetResult must then be called until it returns
    // NULL: until it does, libpq considers the command running and refuses the next one.
    guard let result = PQgetResult(connection) else {
      throw failure(of: nil)
    }
    defer {
      PQclear(result)
      drainResults()
    }
    guard PQresultStatus(result) == PGRES_COMMAND_OK else { throw failure(of: result) }
    // PQcmdTuples of "COPY 100000" is "100000".
    return Int(String(cString: PQcmdTuples(result))) ?? 0
  }

  /// Reads and frees the remaining results of the current command until libpq returns NULL.
  private func drainResults() {
    while let result = PQgetResult(connection) {
      let status = PQresultStatus(result)
      PQclear(result)
      // Still in COPY (the end was never accepted): end it, or this loop would never finish.
      if status == PGRES_COPY_IN, PQputCopyEnd(connection, "aborted") != 1 { return }
      if PQstatus(connection) != CONNECTION_OK { return }
    }
  }

  /// Sends one chunk of COPY data; blocking mode, so 0 ("try again") cannot happen.
  func putCopyData(_ bytes: [UInt8]) throws(PostgresError) {
    let sent = bytes.withUnsafeBytes {
      PQputCopyData(connection, $0.baseAddress?.assumingMemoryBound(to: CChar.self), Int32($0.count))
    }
    guard sent == 1 else { throw failure(of: nil) }
  }
}
