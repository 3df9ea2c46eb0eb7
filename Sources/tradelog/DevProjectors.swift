import ClickHouseProjection
import Foundation
import PostgresProjection
import TradelogServices

/// The projectors `tradelog dev` runs beside its pipeline when it is given databases: each folds the
/// local events log into its read tables and tails it. They stop after the pipeline did, so that they
/// take in its last event batches; a later run resumes them from what the tables hold.
final class DevProjectors {
  private let stopRequest = StopRequest()
  private let failure = FirstFailure()
  private var threads: [BackgroundThread] = []

  /// Starts a projector for each database given; what they say goes to `logFile`.
  init(
    eventsAddress: String, postgresURL: String?, clickHouseURL: URL?, clickHouseDatabase: String,
    logFile: TimestampedLogFile
  ) {
    if let postgresURL { startPostgres(eventsAddress, postgresURL, logFile) }
    if let clickHouseURL { startClickHouse(eventsAddress, clickHouseURL, clickHouseDatabase, logFile) }
  }

  /// The first failure of a projector, if one stopped by itself.
  var failureMessage: String? { failure.message }

  /// Asks the projectors to stop and waits for them.
  func stop() {
    stopRequest.request()
    for thread in threads { thread.wait() }
  }

  private func startPostgres(_ events: String, _ url: String, _ logFile: TimestampedLogFile) {
    let stopRequest = stopRequest
    let failure = failure
    threads.append(
      BackgroundThread(name: "postgres projector") {
        let projector = PostgresProjector(
          configuration: PostgresProjectorConfiguration(eventsAddress: events, postgresURL: url),
          notice: { logFile.write("postgres projector: \($0)") }, shouldStop: { stopRequest.isRequested })
        do {
          let summary = try projector.run()
          logFile.write("postgres projector: stopped at seq \(summary.lastSeq)")
        } catch {
          failure.record("the PostgreSQL projector stopped: \(error)")
        }
      })
  }

  private func startClickHouse(
    _ events: String, _ url: URL, _ database: String, _ logFile: TimestampedLogFile
  ) {
    let stopRequest = stopRequest
    let failure = failure
    threads.append(
      BackgroundThread(name: "clickhouse projector") {
        let projector = ClickHouseProjector(
          configuration: ClickHouseProjectorConfiguration(
            eventsAddress: events, clickHouseURL: url, database: database, showsProgress: false))
        let finished = DispatchSemaphore(value: 0)
        Task {
          do {
            let summary = try await projector.run(stop: stopRequest)
            logFile.write("clickhouse projector: stopped through seq \(summary.storedThroughSeq)")
          } catch {
            failure.record("the ClickHouse projector stopped: \(error)")
          }
          finished.signal()
        }
        finished.wait()
      })
  }
}
