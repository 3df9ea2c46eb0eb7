import Synchronization

/// The first failure among the threads of a service; later ones are usually its consequences.
public final class FirstFailure: Sendable {
  private let first = Mutex<String?>(nil)

  public init() {}

  public func record(_ message: String) {
    first.withLock { if $0 == nil { $0 = message } }
  }

  public var message: String? { first.withLock { $0 } }
}
