import RecordLog

/// A reader tailing a log, as a projector tails an events log: it notes when each record becomes
/// visible to it.
struct EventsTail {
  let log: any LogConnection
  var position: Int64 = 0
  /// Event records seen so far.
  private(set) var count = 0

  init(log: any LogConnection) {
    self.log = log
  }

  /// Reads until `total` event records were seen, calling `seen` with each record and the instant it
  /// was read. Throws when nothing arrives for `patience`: the sequencer failed or stalled.
  mutating func follow(
    until total: Int, patience: Duration = .seconds(60),
    _ seen: (LogRecord, ContinuousClock.Instant) throws -> Void = { _, _ in }
  ) throws {
    let clock = ContinuousClock()
    var lastArrival = clock.now
    while count < total {
      let records = try log.read(
        from: position, max: ReadLimit(records: 10_000), waitingUpTo: .milliseconds(50))
      let now = clock.now
      guard let last = records.last else {
        if lastArrival.duration(to: now) > patience {
          throw PipelineBenchmarkError(
            "the log \(log.address) stopped at \(count) of \(total) records")
        }
        continue
      }
      lastArrival = now
      for record in records { try seen(record, now) }
      count += records.count
      position = last.position + 1
    }
  }
}
