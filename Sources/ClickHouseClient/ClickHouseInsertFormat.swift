/// The formats ``ClickHouseClient/insert(table:format:body:)`` sends data in.
public enum ClickHouseInsertFormat: String, Sendable {
  /// One row per line, fields separated by tabs and escaped with ``TabSeparated``; the fastest.
  case tabSeparated = "TabSeparated"
  /// One JSON object per line. ClickHouse 18.16 wants decimals as JSON numbers, not strings.
  case jsonEachRow = "JSONEachRow"
}
