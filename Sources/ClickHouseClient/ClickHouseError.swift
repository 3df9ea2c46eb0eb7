import Foundation

/// What went wrong talking to ClickHouse.
public enum ClickHouseError: Error, Sendable, CustomStringConvertible {
  /// The address is not an http(s) URL with a host.
  case invalidURL(String)

  /// Nothing answered at the address (connection refused, unknown host): check the URL and that the
  /// server runs (`tools/services start` for the local one).
  case connectionFailed(url: URL, message: String)

  /// The connection broke or timed out during the request; the statement may or may not have run.
  case transportFailed(url: URL, message: String)

  /// The server refused the statement. `message` is ClickHouse's own text, such as
  /// `Code: 62, e.displayText() = DB::Exception: Syntax error: …`.
  case server(status: Int, message: String)

  /// ClickHouse's numeric error code (`Code: 60` is an unknown table, `Code: 62` a syntax error).
  public var code: Int? {
    guard case .server(_, let message) = self, message.hasPrefix("Code: ") else { return nil }
    return Int(message.dropFirst("Code: ".count).prefix { $0.isNumber })
  }

  public var description: String {
    switch self {
    case .invalidURL(let text):
      "\"\(text)\" is not a ClickHouse HTTP address such as http://127.0.0.1:8123"
    case .connectionFailed(let url, let message):
      "could not connect to ClickHouse at \(url.absoluteString): \(message) (is the server running?)"
    case .transportFailed(let url, let message):
      "the request to ClickHouse at \(url.absoluteString) failed, it may or may not have run: \(message)"
    case .server(let status, let message):
      "ClickHouse refused the statement (HTTP \(status)): "
        + message.trimmingCharacters(in: .whitespacesAndNewlines)
    }
  }

  init(transferFailure failure: CurlFailure, url: URL, timeoutSeconds: Double) {
    switch failure.kind {
    case .unreachable:
      self = .connectionFailed(url: url, message: failure.message)
    case .timedOut:
      self = .transportFailed(
        url: url,
        message: "the server sent nothing for \(timeoutSeconds) seconds (\(failure.message))")
    case .other:
      self = .transportFailed(url: url, message: failure.message)
    }
  }
}
