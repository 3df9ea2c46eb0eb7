import Foundation

/// A client for ClickHouse's HTTP interface: DDL, queries returning TabSeparated text, and batch
/// inserts of preformatted data. Written for ClickHouse 18.16 and current versions alike.
///
/// ClickHouse 18.16 has no query parameters: every value placed in SQL must be escaped by the caller
/// with ``ClickHouseSQL``, and every value in inserted data with ``TabSeparated``.
///
/// Each insert makes one part on disk, which the server later merges: insert in large batches (many
/// thousands of rows), never row by row.
public struct ClickHouseClient: Sendable {
  /// The server's HTTP address, such as `http://127.0.0.1:8123`.
  public let url: URL
  /// The database unqualified table names refer to; nil for the server's default database.
  public let database: String?
  /// A request fails when the server has sent nothing for this long.
  public let timeoutSeconds: Double

  /// A client for the server at `url`. A request fails when the server has sent nothing for
  /// `timeoutSeconds`. The server computes a query's whole answer before sending any of it (so that a
  /// failure is always an HTTP error), so allow for the longest query.
  public init(url: URL, database: String? = nil, timeoutSeconds: Double = 300) {
    self.url = url
    self.database = database
    self.timeoutSeconds = timeoutSeconds
  }

  /// A client for the server at `url`, such as `http://127.0.0.1:8123`.
  public init(url: String, database: String? = nil, timeoutSeconds: Double = 300) throws(ClickHouseError) {
    guard let parsed = URL(string: url), parsed.scheme == "http" || parsed.scheme == "https",
      parsed.host != nil
    else { throw .invalidURL(url) }
    self.init(url: parsed, database: database, timeoutSeconds: timeoutSeconds)
  }

  /// Runs a statement that returns nothing of interest (CREATE, DROP, ALTER, OPTIMIZE).
  public func execute(_ sql: String) async throws(ClickHouseError) {
    _ = try await send(parameters: [], body: Data(sql.utf8))
  }

  /// Runs a query and returns its output as text: TabSeparated, the HTTP interface's default,
  /// unless the query names another FORMAT.
  public func query(_ sql: String) async throws(ClickHouseError) -> String {
    let data = try await send(parameters: [], body: Data(sql.utf8))
    return String(decoding: data, as: UTF8.self)
  }

  /// Runs a query without a FORMAT clause and returns its rows, each field unescaped from
  /// TabSeparated (nil for NULL).
  public func queryRows(_ sql: String) async throws(ClickHouseError) -> [[String?]] {
    TabSeparated.rows(in: try await query(sql))
  }

  /// Inserts `body`, rows already in `format`, into `table` with one INSERT (one part on the server).
  /// `table` is placed in the SQL as given (`trades` or `db.trades`); quote unusual names with
  /// ``ClickHouseSQL/identifier(_:)``.
  public func insert(
    table: String, format: ClickHouseInsertFormat = .tabSeparated, body: Data
  ) async throws(ClickHouseError) {
    // The statement travels in the URL and the data in the body: the server parses only the statement
    // and streams the body into the table, so the batch size is not bounded by max_query_size.
    let statement = "INSERT INTO \(table) FORMAT \(format.rawValue)"
    _ = try await send(parameters: [URLQueryItem(name: "query", value: statement)], body: body)
  }

  /// POSTs `body` with the statement's URL parameters through libcurl (see ``CurlHandlePool``) and
  /// returns the answer's body; any status but 200 is the server refusing the statement.
  private func send(parameters: [URLQueryItem], body: Data) async throws(ClickHouseError) -> Data {
    let address = requestURL(parameters: parameters).absoluteString
    let answer: CurlEasyHandle.Answer
    do {
      answer = try await CurlHandlePool.shared.post(url: address, body: body, timeoutSeconds: timeoutSeconds)
    } catch {
      throw ClickHouseError(transferFailure: error, url: url, timeoutSeconds: timeoutSeconds)
    }
    guard answer.status == 200 else {
      throw .server(status: answer.status, message: String(decoding: answer.body, as: UTF8.self))
    }
    return answer.body
  }

  private func requestURL(parameters: [URLQueryItem]) -> URL {
    var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
    // wait_end_of_query: without it the server streams a result as it is computed and, when the
    // query fails halfway, has already answered 200 OK; the error then only shows up as text at the
    // end of the body. Buffering the whole answer makes every failure a non-200 status.
    var items = [URLQueryItem(name: "wait_end_of_query", value: "1")]
    if let database { items.append(URLQueryItem(name: "database", value: database)) }
    components.queryItems = (components.queryItems ?? []) + items + parameters
    // URLComponents leaves "+" unescaped in query values, and ClickHouse decodes "+" as a space.
    components.percentEncodedQuery = components.percentEncodedQuery?
      .replacingOccurrences(of: "+", with: "%2B")
    return components.url!
  }
}
