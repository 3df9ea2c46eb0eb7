extension SQLiteLogConnection {
  /// The first pause between polls when the log has nothing new. Short, so a tailer in another
  /// process sees an append about a millisecond later.
  static let tailPauseFirst: Duration = .milliseconds(1)
  /// The longest pause: an idle tailer polls about 250 times a second, a few microseconds each.
  static let tailPauseMax: Duration = .milliseconds(4)

  /// Polls the file (SQLite has no cross-process notification), pausing 1 ms, then 2 ms, then 4 ms
  /// between polls. An append through a connection of this process ends the pause at once.
  public func read(
    from position: Int64, max limit: ReadLimit, waitingUpTo timeout: Duration
  )
    throws(RecordLogError) -> [LogRecord]
  {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    var pause = Self.tailPauseFirst
    while true {
      // Taken before reading: an append that commits after the read moves the generation on, so the
      // wait below returns at once instead of missing it.
      let generation = changeSignal.generation
      let records = try read(from: position, max: limit)
      let remaining = clock.now.duration(to: deadline)
      if !records.isEmpty || remaining <= .zero { return records }
      changeSignal.wait(whileGenerationIs: generation, upTo: min(pause, remaining))
      pause = min(pause * 2, Self.tailPauseMax)
    }
  }
}
