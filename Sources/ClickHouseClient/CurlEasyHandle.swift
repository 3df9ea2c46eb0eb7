import CCurl
import Foundation

/// One libcurl easy handle, configured for POSTs to ClickHouse. It owns the handle, its error
/// buffer and its header list, and frees them once, in deinit.
///
/// An easy handle keeps its connection open after a transfer and reuses it for the next one to the
/// same server, so handles live in ``CurlHandlePool`` between requests. libcurl allows one thread
/// at a time per handle: the pool hands each handle to one request at a time, which makes the
/// unchecked Sendable conformance honest.
final class CurlEasyHandle: @unchecked Sendable {
  /// An HTTP answer: its status and its whole body.
  struct Answer: Sendable {
    let status: Int
    let body: Data
  }

  /// curl_global_init is not thread-safe and must run before any other libcurl call: a static let
  /// runs it exactly once, under Swift's lazy-initialization lock.
  private static let globalInitialization: CURLcode = curl_global_init(ccurl_global_default)

  /// curl_easy_perform blocks its thread until the transfer ends, and Swift's cooperative pool (one
  /// thread per core) must never block: transfers run here instead. A serial queue, because a
  /// custom serial queue runs on dispatch's overcommitting pool, which starts a thread whenever one
  /// is needed; a concurrent queue would share the cooperative pool's threads on Linux. One per
  /// handle, so concurrent requests, each on its own handle, each get a thread.
  let transferQueue = DispatchQueue(label: "ClickHouseClient.transfer")

  private let handle: UnsafeMutableRawPointer
  /// libcurl writes a failure's detailed message here (CURLOPT_ERRORBUFFER), at most CURL_ERROR_SIZE bytes.
  private let errorBuffer: UnsafeMutablePointer<CChar>
  private let headers: UnsafeMutablePointer<curl_slist>
  /// The body of the answer being received, filled by the write callback.
  fileprivate var responseBody = Data()

  init() throws(CurlFailure) {
    guard Self.globalInitialization == CURLE_OK else {
      throw CurlFailure(code: Self.globalInitialization, detail: "libcurl could not initialize")
    }
    guard let handle = curl_easy_init() else {
      throw CurlFailure(code: CURLE_OUT_OF_MEMORY, detail: "libcurl could not allocate a handle")
    }
    // An empty "Expect:" removes the header libcurl adds to large POSTs: with it, libcurl waits for
    // the server's "100 Continue" before sending the body, a round trip per insert.
    guard let headers = curl_slist_append(nil, "Expect:") else {
      curl_easy_cleanup(handle)
      throw CurlFailure(code: CURLE_OUT_OF_MEMORY, detail: "libcurl could not allocate a header list")
    }
    self.handle = handle
    self.headers = headers
    errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
    errorBuffer[0] = 0
    try configure()
  }

  deinit {
    // The handle refers to the buffer and the list until it is cleaned up: free them after it.
    curl_easy_cleanup(handle)
    curl_slist_free_all(headers)
    errorBuffer.deallocate()
  }

  /// POSTs `body` to `url` and returns the answer, whatever its status. Fails when nothing answers at
  /// the address, or when the server sends nothing for `timeoutSeconds` (libcurl counts whole
  /// seconds: the limit is rounded up).
  func post(url: String, body: Data, timeoutSeconds: Double) throws(CurlFailure) -> Answer {
    errorBuffer[0] = 0
    // The pooled handle must not keep an answer, which may be large, alive until its next request.
    defer { responseBody = Data() }
    let seconds = max(1, Int(timeoutSeconds.rounded(.up)))
    // libcurl copies string options such as the URL, so the temporary C string may go after the call.
    try check(url.withCString { ccurl_easy_setopt_pointer(handle, CURLOPT_URL, $0) })
    try set(CURLOPT_LOW_SPEED_TIME, seconds)
    try set(CURLOPT_CONNECTTIMEOUT_MS, seconds * 1_000)
    try check(ccurl_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
    let code = body.withUnsafeBytes { bytes in
      // libcurl does not copy CURLOPT_POSTFIELDS: the bytes must stay valid until the transfer ends,
      // which they do inside this closure. An empty body has no address, and a null POSTFIELDS would
      // make libcurl read the body from its read callback (stdin by default): point at a static byte.
      let start = bytes.baseAddress ?? UnsafeRawPointer(("" as StaticString).utf8Start)
      let setCode = ccurl_easy_setopt_pointer(handle, CURLOPT_POSTFIELDS, start)
      return setCode == CURLE_OK ? curl_easy_perform(handle) : setCode
    }
    try check(code)
    var status = 0
    try check(ccurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status))
    return Answer(status: status, body: responseBody)
  }

  /// The options every transfer shares, set once per handle.
  private func configure() throws(CurlFailure) {
    // libcurl otherwise uses signals for DNS timeouts, which is unsafe in a multi-threaded process.
    try set(CURLOPT_NOSIGNAL, 1)
    try set(CURLOPT_POST, 1)
    // "The server has sent nothing for the timeout": slower than 1 byte/s for LOW_SPEED_TIME seconds.
    // A total timeout would fail long queries that are still being computed. libcurl counts bytes
    // sent as well as received and averages over the last 5 seconds, so after a request's body
    // went out the failure comes up to about 6 seconds later than the limit (measured with curl).
    try set(CURLOPT_LOW_SPEED_LIMIT, 1)
    try set(CURLOPT_TCP_KEEPALIVE, 1)
    try check(ccurl_easy_setopt_pointer(handle, CURLOPT_HTTPHEADER, headers))
    try check(ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
    try check(ccurl_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, appendToResponseBody))
    // Unretained: the handle is this object's and never outlives it.
    try check(ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(self).toOpaque()))
  }

  private func set(_ option: CURLoption, _ value: Int) throws(CurlFailure) {
    try check(ccurl_easy_setopt_long(handle, option, value))
  }

  private func check(_ code: CURLcode) throws(CurlFailure) {
    guard code == CURLE_OK else {
      throw CurlFailure(code: code, detail: String(cString: errorBuffer))
    }
  }
}

/// libcurl's write callback: appends a piece of the answer's body to the handle's buffer. A C
/// function pointer cannot capture, so the handle comes back through CURLOPT_WRITEDATA.
private func appendToResponseBody(
  bytes: UnsafeMutablePointer<CChar>?, size: Int, count: Int, context: UnsafeMutableRawPointer?
) -> Int {
  let length = size * count
  // Returning fewer bytes than were given makes libcurl abort the transfer with a write error.
  guard let bytes, let context else { return 0 }
  let handle = Unmanaged<CurlEasyHandle>.fromOpaque(context).takeUnretainedValue()
  handle.responseBody.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: length)
  return length
}
