/// One row of a ``PostgresResult``; columns are read by name or by position.
///
/// Asking for a column the result does not have is a programming error and traps with the names the
/// result does have; a value that is not of the type asked for is data and throws.
public struct PostgresRow: Sendable {
  let result: PostgresResult
  let row: Int

  /// The text of the column at `index`, nil for SQL NULL.
  public subscript(index: Int) -> String? {
    precondition(
      index >= 0 && index < result.columnNames.count,
      "column \(index) is outside the result's \(result.columnNames.count) columns")
    return result.values[row * result.columnNames.count + index]
  }

  /// The text of the column called `name`, nil for SQL NULL.
  public subscript(name: String) -> String? {
    self[index(of: name)]
  }

  /// The column called `name` as a 64-bit integer, nil for SQL NULL.
  public func int64(_ name: String) throws(PostgresError) -> Int64? {
    try int64(at: index(of: name))
  }

  /// The column at `index` as a 64-bit integer, nil for SQL NULL.
  public func int64(at index: Int) throws(PostgresError) -> Int64? {
    guard let text = self[index] else { return nil }
    guard let value = Int64(text) else {
      throw .valueNotConvertible(column: result.columnNames[index], value: text, type: "Int64")
    }
    return value
  }

  private func index(of name: String) -> Int {
    guard let index = result.columnIndex(named: name) else {
      preconditionFailure("no column \(name) in the result; it has \(result.columnNames)")
    }
    return index
  }
}
