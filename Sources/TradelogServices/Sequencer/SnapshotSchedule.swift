/// When the next snapshot is due: after a number of commands, or after an interval in which commands
/// arrived. A value updated by the sequencer's loop; it reads no clock itself.
struct SnapshotSchedule {
  let everyCommands: Int?
  let interval: Duration?
  private(set) var commandsSinceSnapshot = 0
  private var lastSnapshotAt: ContinuousClock.Instant?

  init(everyCommands: Int?, interval: Duration?) {
    self.everyCommands = everyCommands
    self.interval = interval
  }

  mutating func started(at instant: ContinuousClock.Instant) {
    lastSnapshotAt = instant
  }

  mutating func applied(_ count: Int) {
    commandsSinceSnapshot += count
  }

  func isDue(at instant: ContinuousClock.Instant) -> Bool {
    guard commandsSinceSnapshot > 0 else { return false }
    if let everyCommands, commandsSinceSnapshot >= everyCommands { return true }
    if let interval, let lastSnapshotAt, lastSnapshotAt.duration(to: instant) >= interval { return true }
    return false
  }

  mutating func taken(at instant: ContinuousClock.Instant) {
    commandsSinceSnapshot = 0
    lastSnapshotAt = instant
  }
}
