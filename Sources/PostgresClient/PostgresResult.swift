import CLibPQ

/// The rows and the outcome of one statement, copied out of libpq's `PGresult` so that the result is
/// a plain value: it outlives the connection and crosses threads freely.
///
/// Values are PostgreSQL's text output (`t`/`f` for booleans, `2024-01-02 03:04:05+00` for
/// timestamps); ``PostgresRow`` reads them as strings or integers.
public struct PostgresResult: Sendable, RandomAccessCollection {
  /// The column names in the order of the select list.
  public let columnNames: [String]
  /// Rows inserted, updated, deleted, copied or selected, from the command tag; 0 for other commands.
  public let affectedRowCount: Int
  /// The command tag the server answered with, such as `INSERT 0 3`, `COMMIT` or `ROLLBACK`.
  public let commandTag: String
  /// Row-major: the value of row r, column c is at `r * columnNames.count + c`.
  let values: [String?]
  let rowCount: Int

  init(_ result: OpaquePointer) {
    let rowCount = Int(PQntuples(result))
    let columnCount = Int(PQnfields(result))
    var columnNames: [String] = []
    for column in 0..<columnCount {
      columnNames.append(String(cString: PQfname(result, Int32(column))))
    }
    var values: [String?] = []
    values.reserveCapacity(rowCount * columnCount)
    for row in 0..<Int32(rowCount) {
      for column in 0..<Int32(columnCount) {
        values.append(Self.value(of: result, row: row, column: column))
      }
    }
    self.columnNames = columnNames
    self.values = values
    self.rowCount = rowCount
    commandTag = String(cString: PQcmdStatus(result))
    // PQcmdTuples is an empty string, not "0", for commands that affect no rows (CREATE, BEGIN).
    affectedRowCount = Int(String(cString: PQcmdTuples(result))) ?? 0
  }

  private static func value(of result: OpaquePointer, row: Int32, column: Int32) -> String? {
    // An SQL NULL reads as an empty string from PQgetvalue: only PQgetisnull tells it from ''.
    if PQgetisnull(result, row, column) == 1 { return nil }
    let length = Int(PQgetlength(result, row, column))
    return PQgetvalue(result, row, column).withMemoryRebound(to: UInt8.self, capacity: length) {
      String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
  }

  /// The position of the column called `name`, or nil when the result has none.
  public func columnIndex(named name: String) -> Int? {
    columnNames.firstIndex(of: name)
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { rowCount }

  public subscript(row: Int) -> PostgresRow {
    precondition(row >= 0 && row < rowCount, "row \(row) is outside the result's \(rowCount) rows")
    return PostgresRow(result: self, row: row)
  }
}
