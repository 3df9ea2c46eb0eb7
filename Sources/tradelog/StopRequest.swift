import Dispatch
import Foundation
import Synchronization

/// Whether SIGINT or SIGTERM has arrived, for a command that blocks on its own thread (a log read)
/// and asks between waits, so that it stops cleanly, its output complete, instead of being killed
/// half-way through a line.
///
/// The signals are ignored first, so one arriving before the sources are registered cannot kill
/// the process (on Linux, Dispatch installs its own handler when it registers the source).
/// librdkafka blocks all signals in its own threads, so they never land there.
final class StopRequest {
  private let flag: Flag
  private let sources: [any DispatchSourceSignal]

  init() {
    let queue = DispatchQueue(label: "tradelog.stop-signals")
    let flag = Flag()
    self.flag = flag
    sources = [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler { flag.set() }
      source.resume()
      return source
    }
  }

  deinit {
    for source in sources { source.cancel() }
  }

  var isRequested: Bool { flag.isSet }

  /// Set on Dispatch's queue, read on the command's thread.
  private final class Flag: Sendable {
    private let value = Atomic<Bool>(false)

    func set() { value.store(true, ordering: .relaxed) }
    var isSet: Bool { value.load(ordering: .relaxed) }
  }
}
