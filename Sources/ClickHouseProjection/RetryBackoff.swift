/// The pause before each retry after ClickHouse failed: doubling from `first` up to `max`, back to
/// `first` once something succeeds.
struct RetryBackoff: Sendable, Equatable {
  let first: Duration
  let max: Duration
  private(set) var next: Duration

  init(first: Duration, max: Duration) {
    precondition(first > .zero && first <= max, "a backoff needs 0 < first <= max")
    self.first = first
    self.max = max
    next = first
  }

  /// The pause to take now; the following one is twice as long, up to `max`.
  mutating func failed() -> Duration {
    let pause = next
    next = Swift.min(next * 2, max)
    return pause
  }

  mutating func succeeded() {
    next = first
  }
}
