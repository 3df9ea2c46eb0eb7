/// The events of one command, written by `Engine.apply` into storage the caller owns and reuses, so
/// that applying a command allocates nothing once the buffer has grown to the largest batch seen.
public struct EventBuffer: Sendable {
  /// The batch's events in the order SEMANTICS.md fixes.
  public private(set) var events: [Event]
  /// The batch's timestamp: the command's timestamp, clamped to be non-decreasing.
  public private(set) var timestamp: Int64

  public init(capacity: Int) {
    events = []
    events.reserveCapacity(capacity)
    timestamp = 0
  }

  /// Empties the buffer, keeping its storage, for the batch of a new command.
  @inline(__always)
  mutating func begin(timestamp: Int64) {
    // Batches are a few events: removing them one by one (a count decrement each, events hold no
    // references) costs a fraction of `removeAll(keepingCapacity: true)`'s generic range
    // replacement, which was a measurable share of a command.
    while !events.isEmpty { events.removeLast() }
    self.timestamp = timestamp
  }

  mutating func append(_ event: Event) {
    events.append(event)
  }
}
