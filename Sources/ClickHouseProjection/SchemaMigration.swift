/// One numbered migration of the ClickHouse schema: a file of schemas/clickhouse.
struct SchemaMigration: Sendable {
  let version: Int
  let fileName: String
  let sql: String

  /// The statements, in order. The HTTP interface runs one statement per request, so the file is
  /// split at semicolons after its `--` comment lines are dropped (the schema's SQL has no semicolon
  /// inside a literal).
  var statements: [String] {
    let code = sql.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.trimmingPrefix(while: \.isWhitespace).hasPrefix("--") }
      .joined(separator: "\n")
    return code.split(separator: ";").map { String($0).trimmedWhitespace }.filter { !$0.isEmpty }
  }
}

extension String {
  fileprivate var trimmedWhitespace: String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
