/// The formats ``ClickHouseClient/insert(table:format:body:)`` sends data in.
public enum ClickHouseInsertFormat: String, Sendable {
  /// One row per line, fields separated by tabs and escaped with ``TabSeparated``; the fastest text
  /// format.
  case tabSeparated = "TabSeparated"
  /// One JSON object per line. ClickHouse 18.16 wants decimals as JSON numbers, not strings.
  case jsonEachRow = "JSONEachRow"
  /// ClickHouse's own columnar binary format: per block, the column and row counts, then each column's
  /// name, type and values. The server reads exactly the rows announced, so a body cut short (a client
  /// killed mid-request) fails as a whole; text formats would insert the rows that arrived.
  case native = "Native"
}
