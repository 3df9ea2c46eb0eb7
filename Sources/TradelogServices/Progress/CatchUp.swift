/// The backlog a projection session found on start, for the progress bar: positions from where it
/// resumed to the log's end then. Counted from the session's start, so that the rate and the time
/// left of a session that resumes half-way are its own.
public struct CatchUp {
  let startPosition: Int64
  let endPosition: Int64
  /// The run's event count when the session started: the rate counts this session's events only.
  let eventsBefore: Int
  let clock = ContinuousClock()
  let start: ContinuousClock.Instant

  public init(startPosition: Int64, endPosition: Int64, eventsBefore: Int) {
    self.startPosition = startPosition
    self.endPosition = endPosition
    self.eventsBefore = eventsBefore
    start = clock.now
  }

  /// Whether there is anything to show: a backlog at all.
  public var hasBacklog: Bool { endPosition > startPosition }

  /// Shows where the session stands at `position`, `events` into the run; `label` as the display
  /// takes it.
  public func show(
    on display: ProgressDisplay, position: Int64, events: Int, label: String? = nil, force: Bool = false
  ) {
    guard hasBacklog else { return }
    display.show(
      ProjectionProgress(
        batchesDone: max(0, position - startPosition), batchesTotal: max(0, endPosition - startPosition),
        events: events - eventsBefore, elapsed: clock.now - start),
      label: label, force: force)
  }
}
