import Testing
import TradelogCore
import TradelogSimulation

/// The engine against the naive reference model of the exchange rules, on seeded workloads: every
/// batch must be identical, event for event, and the invariants must hold. A failure names the seed
/// and the command, so `Workload(seed:)` reproduces it.
@Suite struct EngineDifferentialTests {
  /// 50 seeds × 20,000 commands: a million commands per run, every batch compared.
  static let seeds: [UInt64] = Array(1...50)
  static let commandsPerSeed = 20_000

  @Test(arguments: seeds)
  func engineEmitsTheReferenceModelsBatches(seed: UInt64) throws {
    var workload = Workload(seed: seed)
    var engine = Engine()
    var buffer = EventBuffer(capacity: 256)
    let checker = InvariantChecker()
    for index in 0..<Self.commandsPerSeed {
      guard let command = workload.next() else { throw EndOfWorkload() }
      engine.apply(command, timestamp: Int64(index), into: &buffer)
      guard buffer.events == workload.lastBatch else {
        Issue.record(
          Comment(
            rawValue: EventFormatting.mismatch(
              seed: seed, commandIndex: index, command: command, expected: workload.lastBatch,
              found: buffer.events)))
        return
      }
      // A full inspection costs far more than a command; every 101st command (a prime, so the checks
      // fall on every kind of command) keeps a million-command run to seconds.
      if index % 101 == 0 {
        let violations = checker.violations(of: engine)
        #expect(violations.isEmpty, "seed \(seed), after command #\(index): \(violations)")
        #expect(
          ExchangeSnapshot(of: engine) == ExchangeSnapshot(of: workload.reference),
          "seed \(seed), after command #\(index): engine state differs from the reference model")
      }
    }
  }

  /// Fewer commands, but the invariants checked after every single one.
  @Test(arguments: [UInt64(1_001), 1_002, 1_003, 1_004])
  func invariantsHoldAfterEveryCommand(seed: UInt64) throws {
    var workload = Workload(seed: seed)
    var engine = Engine()
    var buffer = EventBuffer(capacity: 256)
    let checker = InvariantChecker()
    for index in 0..<3_000 {
      guard let command = workload.next() else { throw EndOfWorkload() }
      engine.apply(command, timestamp: Int64(index), into: &buffer)
      try #require(buffer.events == workload.lastBatch, "seed \(seed), command #\(index) diverged")
      let violations = checker.violations(of: engine)
      try #require(violations.isEmpty, "seed \(seed), after command #\(index): \(violations)")
    }
  }

  /// A snapshot taken at a random point restores an engine that then behaves exactly like the one it
  /// was taken from, and like the reference model.
  @Test(arguments: [UInt64(2_001), 2_002, 2_003, 2_004, 2_005, 2_006, 2_007, 2_008])
  func restoredSnapshotContinuesIdentically(seed: UInt64) throws {
    var random = SimulationRandom(seed: seed)
    let snapshotPoint = Int(random.next() % 8_000) + 500
    var workload = Workload(seed: seed)
    var live = Engine()
    var buffer = EventBuffer(capacity: 256)
    for index in 0..<snapshotPoint {
      guard let command = workload.next() else { throw EndOfWorkload() }
      live.apply(command, timestamp: Int64(index), into: &buffer)
    }
    var restored = try Engine(snapshotBody: live.encodeSnapshotBody())
    #expect(restored.stateHash() == live.stateHash(), "seed \(seed): state hash changed through a snapshot")
    var restoredBuffer = EventBuffer(capacity: 256)
    for index in snapshotPoint..<(snapshotPoint + 4_000) {
      guard let command = workload.next() else { throw EndOfWorkload() }
      live.apply(command, timestamp: Int64(index), into: &buffer)
      restored.apply(command, timestamp: Int64(index), into: &restoredBuffer)
      try #require(
        restoredBuffer.events == buffer.events,
        "seed \(seed), snapshot at #\(snapshotPoint), command #\(index): restored engine diverged")
      try #require(buffer.events == workload.lastBatch, "seed \(seed), command #\(index) diverged")
    }
    #expect(restored.stateHash() == live.stateHash())
  }
}

/// Workloads are endless; running out means the generator is broken.
private struct EndOfWorkload: Error {}
