import Dispatch
import Foundation
import Synchronization

/// The process's idle libcurl easy handles, each keeping its last connections open. A request takes
/// one (or makes one when none is idle), so concurrent requests each have their own, and gives it
/// back when done, so the next request reuses its connection instead of opening one.
final class CurlHandlePool: Sendable {
  /// One pool for every client: connections are per server, not per client.
  static let shared = CurlHandlePool(maximumIdle: 8)

  /// curl_easy_perform blocks its thread until the transfer ends. Swift's cooperative pool has one
  /// thread per core and must never block, so transfers run on this queue's threads instead;
  /// concurrent, so a slow query does not hold up an insert.
  private static let transferQueue = DispatchQueue(
    label: "ClickHouseClient.transfers", qos: .userInitiated, attributes: .concurrent)

  private let maximumIdle: Int
  private let idle = Mutex<[CurlEasyHandle]>([])

  init(maximumIdle: Int) {
    self.maximumIdle = maximumIdle
  }

  /// POSTs `body` to `url` on a transfer thread and returns the answer, whatever its status.
  func post(
    url: String, body: Data, timeoutSeconds: Double
  ) async throws(CurlFailure) -> CurlEasyHandle.Answer {
    let result = await withCheckedContinuation { continuation in
      Self.transferQueue.async {
        continuation.resume(
          returning: Result { () throws(CurlFailure) in
            try self.postOnThisThread(url: url, body: body, timeoutSeconds: timeoutSeconds)
          })
      }
    }
    return try result.get()
  }

  private func postOnThisThread(
    url: String, body: Data, timeoutSeconds: Double
  ) throws(CurlFailure)
    -> CurlEasyHandle.Answer
  {
    // Not `?? CurlEasyHandle()`: the autoclosure of ?? would lose the typed throw.
    let handle: CurlEasyHandle
    if let idleHandle = idle.withLock({ $0.popLast() }) {
      handle = idleHandle
    } else {
      handle = try CurlEasyHandle()
    }
    // A failed transfer leaves the handle usable: libcurl closes a broken connection itself and
    // opens a new one on the next transfer.
    defer { giveBack(handle) }
    return try handle.post(url: url, body: body, timeoutSeconds: timeoutSeconds)
  }

  private func giveBack(_ handle: CurlEasyHandle) {
    // Beyond the limit the handle is dropped, and its deinit closes its connections.
    idle.withLock { handles in
      if handles.count < maximumIdle { handles.append(handle) }
    }
  }
}
