import PostgresClient

extension PostgresConnection {
  /// `execute` with the projection's error type.
  @discardableResult
  func run(_ sql: String, _ parameters: [String?] = []) throws(ProjectionError) -> PostgresResult {
    do {
      return try execute(sql, parameters: parameters)
    } catch {
      throw .postgres(error)
    }
  }

  /// `copyIn` of rows already in COPY text format, with the projection's error type.
  func copy(_ sql: String, rows: [String]) throws(ProjectionError) {
    guard !rows.isEmpty else { return }
    do {
      try copyIn(sql) { writer in
        for row in rows { try writer.append(escapedRow: row) }
      }
    } catch let error as PostgresError {
      throw .postgres(error)
    } catch {
      preconditionFailure("a COPY writer throws only PostgresError, not \(error)")
    }
  }

  /// `transaction` with the projection's error type.
  func inTransaction<Value>(
    _ body: (PostgresConnection) throws(ProjectionError) -> Value
  ) throws(ProjectionError) -> Value {
    do {
      return try transaction { connection in try body(connection) }
    } catch let error as ProjectionError {
      throw error
    } catch let error as PostgresError {
      throw .postgres(error)
    } catch {
      preconditionFailure("a projection transaction throws only ProjectionError, not \(error)")
    }
  }
}
