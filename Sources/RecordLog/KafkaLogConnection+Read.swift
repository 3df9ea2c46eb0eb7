extension KafkaLogConnection {
  /// Asks the broker for the current end, then reads up to it (or to `limit`). A read that
  /// continues where the previous one stopped takes what the consumer already fetched first.
  public func read(from position: Int64, max limit: ReadLimit) throws(RecordLogError) -> [LogRecord] {
    try Self.validate(position)
    try limit.validate()
    return try reader.readAvailable(from: position, max: limit).records
  }

  /// Reads like `read(from:max:)`; when that finds nothing, waits on the consumer's fetches, which
  /// the broker answers as soon as records arrive. A read that waits and continues where the last
  /// one stopped goes straight to the consumer; one that waits no time is `read(from:max:)`.
  public func read(
    from position: Int64, max limit: ReadLimit, waitingUpTo timeout: Duration
  ) throws(RecordLogError) -> [LogRecord] {
    try Self.validate(position)
    try limit.validate()
    if timeout > .zero, reader.isStreaming(from: position) {
      // A tailer that keeps up: the consumer is already fetching from here, so wait on its fetches,
      // which return records as soon as the broker has them, without an end query first.
      return try reader.waitForRecords(from: position, max: limit, end: position, timeout: timeout)
    }
    let clock = ContinuousClock()
    let start = clock.now
    let available = try reader.readAvailable(from: position, max: limit)
    let remaining = timeout - start.duration(to: clock.now)
    guard available.records.isEmpty, remaining > .zero else { return available.records }
    return try reader.waitForRecords(from: position, max: limit, end: available.end, timeout: remaining)
  }

  public func prepareToRead() {
    reader.prepare()
  }

  public func stopReadingAhead() {
    reader.closeConsumer()
  }

  /// The high watermark; under `read_committed`, the last stable offset.
  public func endPosition() throws(RecordLogError) -> Int64 {
    try reader.end()
  }

  static func validate(_ position: Int64) throws(RecordLogError) {
    guard position >= 0 else {
      throw RecordLogError(
        kind: .invalidRequest, message: "position \(position) is negative: positions start at 0")
    }
  }
}
