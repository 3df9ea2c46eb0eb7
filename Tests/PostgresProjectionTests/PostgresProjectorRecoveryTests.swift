import Foundation
import PostgresClient
import Synchronization
import Testing
import TradelogTestSupport

@testable import PostgresProjection

/// Exactly once as seen from PostgreSQL's side: connections dropped mid-projection, rebuilds
/// interrupted.
@Suite struct PostgresProjectorRecoveryTests {
  /// The projector's server process is terminated again and again while it projects (what a server
  /// restart does to it): it reconnects, resumes from what was committed, and ends where a clean run
  /// ends.
  @Test func terminatedConnectionsAreRetriedAndResumed() throws {
    let log = TemporaryLog(fixture: SharedFixtures.small)
    let database = try ProjectionDatabase()
    let reference = try ProjectionDatabase()
    defer {
      database.drop()
      reference.drop()
    }
    let applicationName = "projector_" + UUID().uuidString.lowercased().prefix(8)
    let configuration = PostgresProjectorConfiguration(
      eventsAddress: log.address, postgresURL: database.url + "?application_name=\(applicationName)",
      follow: false, batchesPerTransactionMax: 200, retryDelayInitial: .milliseconds(10),
      retryDelayMax: .milliseconds(100))
    let outcome = ProjectionOutcome()
    let thread = Thread {
      outcome.set(
        Result { () throws(ProjectionError) in try PostgresProjector(configuration: configuration).run() })
    }
    thread.start()

    let admin = try database.connect()
    var terminations = 0
    while outcome.get() == nil && terminations < 5 {
      let result = try admin.execute(
        "SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE application_name = $1",
        parameters: [applicationName])
      terminations += Int(try integer(result[0], "n"))
      Thread.sleep(forTimeInterval: 0.15)
    }
    let summary = try outcome.wait().get()

    _ = try PostgresProjectorTests.project(log, into: reference)
    #expect(terminations >= 1)
    #expect(summary.retries >= 1)
    #expect(try database.dump() == reference.dump())
  }

  /// A rebuild stopped half-way is recorded; a start without --rebuild carries it on to the end.
  @Test func anInterruptedRebuildIsResumedWithoutRebuild() throws {
    let log = TemporaryLog(fixture: SharedFixtures.small)
    let database = try ProjectionDatabase()
    let reference = try ProjectionDatabase()
    defer {
      database.drop()
      reference.drop()
    }
    _ = try PostgresProjectorTests.project(log, into: reference)
    _ = try PostgresProjectorTests.project(log, into: database)

    let interrupted = try PostgresProjector(
      configuration: PostgresProjectorConfiguration(
        eventsAddress: log.address, postgresURL: database.url, rebuild: true, follow: false,
        batchesPerTransactionMax: 1_000, batchesToApplyMax: 5_000)
    ).run()
    #expect(interrupted.batchesApplied == 5_000)
    let connection = try database.connect()
    let state = try connection.execute("SELECT last_seq, rebuild_target_position FROM projector_state")
    #expect(state[0]["last_seq"] == "5000")
    #expect(state[0]["rebuild_target_position"] == String(SharedFixtures.small.batches.count))

    let resumed = try PostgresProjectorTests.project(log, into: database)
    #expect(resumed.batchesApplied == SharedFixtures.small.batches.count - 5_000)
    #expect(try database.dump() == reference.dump())
  }
}

/// The result of a projector run on another thread.
final class ProjectionOutcome: Sendable {
  private let value = Mutex<Result<ProjectionSummary, ProjectionError>?>(nil)

  func set(_ result: Result<ProjectionSummary, ProjectionError>) {
    value.withLock { $0 = result }
  }

  func get() -> Result<ProjectionSummary, ProjectionError>? {
    value.withLock { $0 }
  }

  func wait() -> Result<ProjectionSummary, ProjectionError> {
    while true {
      if let result = get() { return result }
      Thread.sleep(forTimeInterval: 0.01)
    }
  }
}
