/// What went wrong talking to PostgreSQL, split by what the caller can do about it.
public enum PostgresError: Error, Sendable, CustomStringConvertible {
  /// No connection could be made: a malformed URL, nothing listening, authentication refused.
  /// Check the URL and that the server runs.
  case connectionFailed(message: String)

  /// The connection broke: the server ended the session or the network went away. The connection
  /// is unusable; open a new one. Work of an unfinished transaction was rolled back by the server.
  case connectionLost(message: String)

  /// The server refused a statement; the connection is still usable.
  case server(PostgresServerError)

  /// libpq failed on the client side before the server saw the statement (for example too many
  /// parameters); the connection is still usable.
  case clientFailure(message: String)

  /// A parameter contains a NUL character, which libpq's C strings cannot carry and PostgreSQL's
  /// text types cannot store.
  case nulCharacterInParameter(index: Int)

  /// The transaction was rolled back instead of committed because a statement inside it failed and
  /// the failure was caught inside the transaction's body.
  case transactionRolledBack

  /// A column's value is not text of the type asked for.
  case valueNotConvertible(column: String, value: String, type: String)

  /// The SQLSTATE code of a server error (`23505` for a unique violation), nil for other errors.
  public var sqlState: String? {
    if case .server(let error) = self { return error.sqlState }
    return nil
  }

  /// True when the connection cannot be used any more (or never was): reconnect to go on.
  public var isConnectionError: Bool {
    switch self {
    case .connectionFailed, .connectionLost: true
    case .server, .clientFailure, .nulCharacterInParameter, .transactionRolledBack, .valueNotConvertible:
      false
    }
  }

  public var description: String {
    switch self {
    case .connectionFailed(let message):
      "could not connect to PostgreSQL: \(message)"
    case .connectionLost(let message):
      "the connection to PostgreSQL was lost (open a new connection): \(message)"
    case .server(let error):
      error.description
    case .clientFailure(let message):
      "libpq refused the statement: \(message)"
    case .nulCharacterInParameter(let index):
      "parameter $\(index + 1) contains a NUL character, which PostgreSQL text cannot hold"
    case .transactionRolledBack:
      "the transaction was rolled back, not committed: a statement inside it failed"
    case .valueNotConvertible(let column, let value, let type):
      "column \(column) holds \"\(value)\", which is not a valid \(type)"
    }
  }
}
