import Foundation
import RecordLog
import Synchronization

/// Appends command records on a thread of its own, a batch at a time with a pause between, as a
/// gateway would while the sequencer is killed, fenced or cut off.
final class CommandProducer: Sendable {
  private let done = Atomic<Bool>(false)
  private let failure = Mutex<String?>(nil)

  init(records: [NewRecord], to address: LogAddress, batchSize: Int, pause: TimeInterval) {
    let thread = Thread { [self] in
      do {
        let log = try openLog(address)
        for start in stride(from: 0, to: records.count, by: batchSize) {
          try log.append(Array(records[start..<min(start + batchSize, records.count)]))
          Thread.sleep(forTimeInterval: pause)
        }
      } catch {
        failure.withLock { $0 = "\(error)" }
      }
      done.store(true, ordering: .releasing)
    }
    thread.start()
  }

  /// Waits until every record was appended; throws what stopped the producer, if anything did.
  func finish() throws {
    while !done.load(ordering: .acquiring) { Thread.sleep(forTimeInterval: 0.05) }
    if let failure = failure.withLock({ $0 }) { throw ProducerFailed(message: failure) }
  }

  struct ProducerFailed: Error, CustomStringConvertible {
    let message: String
    var description: String { "the command producer stopped: \(message)" }
  }
}
