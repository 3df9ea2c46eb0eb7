import CSQLite

/// Column readers for the current row (after `step` returned true). SQL NULL reads as 0, 0.0, "" or
/// an empty blob, as in SQLite; ask `isNull(at:)` when the difference matters.
extension SQLiteStatement {
  public func isNull(at column: Int) -> Bool {
    sqlite3_column_type(pointer, checked(column)) == SQLITE_NULL
  }

  public func int64(at column: Int) -> Int64 {
    sqlite3_column_int64(pointer, checked(column))
  }

  public func double(at column: Int) -> Double {
    sqlite3_column_double(pointer, checked(column))
  }

  public func text(at column: Int) -> String {
    let index = checked(column)
    // Pointer first, then size: asking for the size first could convert the value twice.
    guard let text = sqlite3_column_text(pointer, index) else { return "" }
    let count = Int(sqlite3_column_bytes(pointer, index))
    return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
  }

  /// The blob, copied once into a new array.
  public func blob(at column: Int) -> [UInt8] {
    withBlob(at: column) { bytes in
      [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initializedCount in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes)
        initializedCount = bytes.count
      }
    }
  }

  /// Lends `body` the blob where SQLite holds it, without copying. The bytes are valid only inside
  /// `body`: the next step, reset or column conversion may free them.
  public func withBlob<Result, Failure: Error>(
    at column: Int, _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    let index = checked(column)
    let base = sqlite3_column_blob(pointer, index)
    let count = Int(sqlite3_column_bytes(pointer, index))
    // A zero-length blob comes back as a NULL pointer.
    return try body(UnsafeRawBufferPointer(start: count == 0 ? nil : base, count: count))
  }

  private func checked(_ column: Int) -> Int32 {
    precondition(column >= 0 && column < columnCount, "column \(column) is out of range for `\(sql)`")
    return Int32(column)
  }
}
