import CCurl

/// A libcurl transfer that ended without an HTTP answer: its result code and libcurl's own message.
struct CurlFailure: Error, Sendable {
  /// What the failure means for the caller.
  enum Kind: Sendable {
    /// Nothing answered at the address: the connection was refused or the host is unknown.
    case unreachable
    /// The server sent nothing for longer than the transfer's limit.
    case timedOut
    /// Anything else: the connection broke, the answer was not HTTP, libcurl ran out of memory.
    case other
  }

  let kind: Kind
  /// libcurl's detailed message, such as `Failed to connect to 127.0.0.1 port 1 after 0 ms: …`.
  let message: String

  init(code: CURLcode, detail: String) {
    switch code {
    case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
      kind = .unreachable
    case CURLE_OPERATION_TIMEDOUT:
      kind = .timedOut
    default:
      kind = .other
    }
    // The error buffer says more than the code's generic text (which host, which port, after how
    // long), but libcurl does not fill it for every failure.
    message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
  }
}
