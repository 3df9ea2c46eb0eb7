import Dispatch
import Foundation
import TradelogServices

/// Turns SIGINT and SIGTERM into a `StopRequest`, through Dispatch signal sources.
///
/// The signals are first ignored, so one arriving before the sources are registered cannot kill the
/// process half-way; Dispatch then delivers them to its own queue, where requesting a stop is safe
/// (a C signal handler could only touch async-signal-safe state).
final class StopSignalSources {
  private let sources: [any DispatchSourceSignal]

  init(stopRequest: StopRequest) {
    let queue = DispatchQueue(label: "tradelog.stop-signals")
    sources = [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler { stopRequest.request() }
      source.resume()
      return source
    }
  }

  func cancel() {
    for source in sources { source.cancel() }
  }
}
