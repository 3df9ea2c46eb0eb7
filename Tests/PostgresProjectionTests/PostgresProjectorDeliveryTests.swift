import Foundation
import PostgresClient
import Testing
import TradelogTestSupport

@testable import PostgresProjection

/// Exactly once as seen from the log's side: batches delivered twice, missing or altered.
@Suite struct PostgresProjectorDeliveryTests {
  @Test func projectingTheSameLogAgainChangesNothing() throws {
    let log = TemporaryLog(fixture: SharedFixtures.small)
    let database = try ProjectionDatabase()
    defer { database.drop() }
    let first = try PostgresProjectorTests.project(log, into: database, batchesPerTransaction: 1_000)
    let before = try database.dump()

    let second = try PostgresProjectorTests.project(log, into: database)
    #expect(first.batchesApplied == SharedFixtures.small.batches.count)
    #expect(second.batchesApplied == 0)
    #expect(try database.dump() == before)
  }

  /// Records delivered twice, right away and much later, are skipped by their seq.
  @Test func duplicatedBatchRecordsChangeNothing() throws {
    let fixture = SharedFixtures.small
    let count = fixture.batches.count
    var indices = Array(0..<count / 2) + [count / 2 - 1, count / 2 - 1, 3, 0]
    indices += Array(count / 2..<count) + Array(count - 50..<count)
    let duplicated = TemporaryLog(fixture: fixture, indices: indices)
    let clean = TemporaryLog(fixture: fixture)
    let database = try ProjectionDatabase()
    let reference = try ProjectionDatabase()
    defer {
      database.drop()
      reference.drop()
    }

    let summary = try PostgresProjectorTests.project(duplicated, into: database, batchesPerTransaction: 700)
    _ = try PostgresProjectorTests.project(clean, into: reference)

    #expect(summary.batchesApplied == count)
    #expect(summary.batchesSkipped == 54)
    #expect(try database.dump() == reference.dump())
  }

  @Test func aGapStopsAfterTheLastWholeBatchBeforeIt() throws {
    let fixture = SharedFixtures.small
    let missing = 2_500
    let log = TemporaryLog(
      fixture: fixture, indices: Array(0..<missing) + Array(missing + 1..<fixture.batches.count))
    let database = try ProjectionDatabase()
    defer { database.drop() }

    let error = #expect(throws: ProjectionError.self) {
      try PostgresProjectorTests.project(log, into: database, batchesPerTransaction: 1_000)
    }
    guard case .sequenceGap(let expected, let found, _) = error else {
      Issue.record("expected a sequence gap, got \(String(describing: error))")
      return
    }
    #expect(expected == UInt64(missing + 1) && found == UInt64(missing + 2))
    let state = try database.connect().execute("SELECT last_seq FROM projector_state")
    #expect(state.first?["last_seq"] == String(missing))
  }

  @Test func anAlteredBatchBreaksTheChain() throws {
    let fixture = SharedFixtures.small
    var records = fixture.records
    // A batch of another run, with the same seq but other events: it does not link to this chain.
    let other = EventLogFixture(seed: 99, commandCount: 200)
    records[150] = other.records[150]
    let log = try TemporaryLog(records: records)
    let database = try ProjectionDatabase()
    defer { database.drop() }

    let error = #expect(throws: ProjectionError.self) {
      try PostgresProjectorTests.project(log, into: database, batchesPerTransaction: 100)
    }
    guard case .brokenChain(let seq, let position) = error else {
      Issue.record("expected a broken chain, got \(String(describing: error))")
      return
    }
    #expect(seq == 151 && position == 150)
    let state = try database.connect().execute("SELECT last_seq FROM projector_state")
    #expect(state.first?["last_seq"] == "150")
  }
}
