import CLibPQ

/// One libpq connection (`PGconn`) to a PostgreSQL server, used synchronously by a single owner.
///
/// Every call blocks the calling thread until the server answers: run it on a thread of its own,
/// not on Swift's cooperative thread pool. libpq connections are not thread-safe, so this type is not
/// `Sendable`; hand the whole connection to one thread and keep it there.
///
/// A lost connection is reported as ``PostgresError/connectionLost(message:)`` on the call that
/// notices it and on every call after; the connection never reconnects by itself (a transaction the
/// caller believed open would silently vanish). Create a new connection instead.
///
/// SIGPIPE: writing to a socket the server closed raises SIGPIPE, which would kill the process.
/// libpq on Linux sends with `MSG_NOSIGNAL` (and blocks SIGPIPE around SSL writes), so a dropped
/// connection becomes an error here, never a signal; the tests drop connections to prove it.
public final class PostgresConnection {
  /// The libpq connection, owned by this object alone and freed by `deinit`.
  let connection: OpaquePointer

  /// Connects with a URL such as `postgresql://user@127.0.0.1:5432/database` (or any libpq connection
  /// string). Add `?connect_timeout=SECONDS` to bound the wait for an unreachable host.
  public init(url: String) throws(PostgresError) {
    // PQconnectdb returns NULL only when it cannot allocate; on any other failure it returns a
    // connection in CONNECTION_BAD that still holds the error message and must still be freed.
    guard let connection = PQconnectdb(url) else {
      throw .connectionFailed(message: "libpq could not allocate a connection")
    }
    guard PQstatus(connection) == CONNECTION_OK else {
      let message = Self.errorMessage(of: connection)
      PQfinish(connection)
      throw .connectionFailed(message: message)
    }
    // Strings cross as UTF-8 in both directions, whatever the server's or the environment's default.
    guard PQsetClientEncoding(connection, "UTF8") == 0 else {
      let message = Self.errorMessage(of: connection)
      PQfinish(connection)
      throw .connectionFailed(message: "could not set client encoding UTF8: \(message)")
    }
    // libpq prints every NOTICE and WARNING (such as "table does not exist, skipping") to standard
    // error by default; a library must not write to the caller's terminal, so they are dropped.
    PQsetNoticeProcessor(connection, { _, _ in }, nil)
    self.connection = connection
  }

  deinit {
    PQfinish(connection)
  }

  /// The server process serving this connection (for `pg_terminate_backend` and the server log).
  public var backendProcessID: Int32 { PQbackendPID(connection) }

  /// False once the connection broke; every further call then throws a connection error.
  public var isConnected: Bool { PQstatus(connection) == CONNECTION_OK }

  /// Runs one statement with `parameters` bound to `$1`, `$2`, … as text (nil is SQL NULL) and
  /// returns its rows. The server infers each parameter's type from the statement; cast in SQL
  /// (`$1::bigint`) where it cannot.
  ///
  /// Only one statement is allowed when there are parameters (the extended protocol); use
  /// ``copyIn(_:rows:)`` for bulk loads, which are orders of magnitude faster than row-by-row inserts.
  @discardableResult
  public func execute(_ sql: String, parameters: [String?] = []) throws(PostgresError) -> PostgresResult {
    try requireConnected()
    let values = try CStringArray(parameters)
    defer { values.deallocate() }
    // Parameter types NULL (inferred), lengths and formats NULL (text), result format 0 (text).
    let result = PQexecParams(
      connection, sql, Int32(parameters.count), nil, values.pointers, nil, nil, 0)
    // PQexecParams drains every result of the statement itself and returns the last one (or NULL,
    // when libpq could not even send it).
    defer { PQclear(result) }
    return PostgresResult(try check(result))
  }

  func requireConnected() throws(PostgresError) {
    guard PQstatus(connection) == CONNECTION_OK else {
      throw .connectionLost(message: Self.errorMessage(of: connection))
    }
  }

  /// Turns a failed result into the error that says what the caller can do: a broken connection
  /// first (a terminated backend also sends a FATAL error with a SQLSTATE, but the only remedy is a
  /// new connection), then a server error, then a libpq error.
  @discardableResult
  func check(_ result: OpaquePointer?) throws(PostgresError) -> OpaquePointer {
    guard let result else { throw failure(of: nil) }
    let status = PQresultStatus(result)
    if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY {
      return result
    }
    precondition(
      status != PGRES_COPY_IN && status != PGRES_COPY_OUT && status != PGRES_COPY_BOTH,
      "execute cannot run COPY: use copyIn, which streams the data COPY waits for")
    throw failure(of: result)
  }

  func failure(of result: OpaquePointer?) -> PostgresError {
    if PQstatus(connection) != CONNECTION_OK {
      let message = result.map { String(cString: PQresultErrorMessage($0)) } ?? ""
      return .connectionLost(
        message: Self.trimmed(message.isEmpty ? Self.errorMessage(of: connection) : message))
    }
    if let result, let serverError = PostgresServerError(result: result) { return .server(serverError) }
    let message = result.map { String(cString: PQresultErrorMessage($0)) } ?? ""
    return .clientFailure(
      message: Self.trimmed(message.isEmpty ? Self.errorMessage(of: connection) : message))
  }

  static func errorMessage(of connection: OpaquePointer) -> String {
    trimmed(String(cString: PQerrorMessage(connection)))
  }

  /// libpq ends its messages with a newline, and may hold several lines; keep them readable in one.
  static func trimmed(_ message: String) -> String {
    message.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}

@available(*, unavailable, message: "a libpq connection is not thread-safe: keep it on one thread")
extension PostgresConnection: Sendable {}
