import Dispatch
import Foundation
import Synchronization

/// Turns the first SIGINT or SIGTERM into a flag that long-running blocking work polls between
/// steps, so it can commit or roll back what it is doing and exit cleanly instead of dying mid-write.
///
/// The signals are ignored first, so one arriving before the sources exist cannot kill the process;
/// then Dispatch signal sources receive them on a queue of their own, where the handler only sets
/// an atomic (no signal-handler context, so no async-signal-safety rules to break).
final class StopRequest {
  private let flag: Flag
  private let sources: [any DispatchSourceSignal]

  /// The signal that asked to stop, 0 until one did.
  private final class Flag: Sendable {
    let signal = Atomic<Int32>(0)
  }

  init() {
    let flag = Flag()
    let queue = DispatchQueue(label: "tradelog.stop-signals")
    sources = [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler { flag.signal.store(number, ordering: .relaxed) }
      source.resume()
      return source
    }
    self.flag = flag
  }

  deinit {
    for source in sources { source.cancel() }
  }

  var isRequested: Bool { flag.signal.load(ordering: .relaxed) != 0 }

  var signalName: String {
    switch flag.signal.load(ordering: .relaxed) {
    case SIGINT: "SIGINT"
    case SIGTERM: "SIGTERM"
    default: "no signal"
    }
  }
}
