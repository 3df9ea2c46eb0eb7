/// One block of ClickHouse's Native format, as an INSERT … FORMAT Native body: the column count and
/// the row count, then each column's name, type and values. Sent alone, it is one insert block, which
/// the server commits atomically (one part of an unpartitioned table).
enum NativeBlock {
  static func encode(_ columns: [NativeColumn]) -> [UInt8] {
    let rowCount = columns.first?.count ?? 0
    precondition(
      columns.allSatisfy { $0.count == rowCount }, "the columns of a Native block differ in length")
    var bytes: [UInt8] = []
    bytes.reserveCapacity(
      columns.reduce(16) { $0 + $1.byteCount + $1.name.utf8.count + $1.type.utf8.count + 4 })
    NativeColumn.appendLength(columns.count, to: &bytes)
    NativeColumn.appendLength(rowCount, to: &bytes)
    for column in columns {
      appendString(column.name, to: &bytes)
      appendString(column.type, to: &bytes)
      column.appendValues(to: &bytes)
    }
    return bytes
  }

  private static func appendString(_ text: String, to bytes: inout [UInt8]) {
    NativeColumn.appendLength(text.utf8.count, to: &bytes)
    bytes.append(contentsOf: text.utf8)
  }
}
