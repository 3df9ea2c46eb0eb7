import Dispatch
import Foundation
import Synchronization

/// The process's idle libcurl easy handles, each keeping its last connections open. A request takes
/// one (or makes one when none is idle), so concurrent requests each have their own, and gives it
/// back when done, so the next request reuses its connection instead of opening one.
final class CurlHandlePool: Sendable {
  /// One pool for every client: connections are per server, not per client.
  static let shared = CurlHandlePool(maximumIdle: 8)

  private let maximumIdle: Int
  private let idle = Mutex<[CurlEasyHandle]>([])

  init(maximumIdle: Int) {
    self.maximumIdle = maximumIdle
  }

  /// POSTs `body` to `url` on the transfer thread of a handle of its own and returns the answer,
  /// whatever its status.
  func post(
    url: String, body: Data, timeoutSeconds: Double
  ) async throws(CurlFailure) -> CurlEasyHandle.Answer {
    let handle = try take()
    // A failed transfer leaves the handle usable: libcurl closes a broken connection itself and
    // opens a new one on the next transfer.
    defer { giveBack(handle) }
    let result = await withCheckedContinuation { continuation in
      handle.transferQueue.async {
        continuation.resume(
          returning: Result { () throws(CurlFailure) in
            try handle.post(url: url, body: body, timeoutSeconds: timeoutSeconds)
          })
      }
    }
    return try result.get()
  }

  private func take() throws(CurlFailure) -> CurlEasyHandle {
    // Not `?? CurlEasyHandle()`: the autoclosure of ?? would lose the typed throw.
    if let handle = idle.withLock({ $0.popLast() }) { return handle }
    return try CurlEasyHandle()
  }

  private func giveBack(_ handle: CurlEasyHandle) {
    // Beyond the limit the handle is dropped, and its deinit closes its connections.
    idle.withLock { handles in
      if handles.count < maximumIdle { handles.append(handle) }
    }
  }
}
