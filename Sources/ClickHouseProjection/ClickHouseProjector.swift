import ClickHouseClient
import TradelogServices

/// Projects the events log into ClickHouse, exactly once: `trades`, `order_events`,
/// `balance_changes`, and the candles derived from `trades` (schemas/clickhouse,
/// docs/projections-clickhouse.md).
///
/// Every start derives where each table stands from what it stores, so a crash at any instant, a
/// restart, or a batch delivered twice leaves every row written once. When ClickHouse is away or
/// overloaded the projector says so, waits (doubling pauses) and starts over from what is stored.
public struct ClickHouseProjector: Sendable {
  public let configuration: ClickHouseProjectorConfiguration

  public init(configuration: ClickHouseProjectorConfiguration) {
    self.configuration = configuration
  }

  /// Runs until caught up (without `follow`), until `stop` is requested (after the insert under way),
  /// or until an error that waiting cannot fix.
  public func run(stop: StopRequest) async throws(ClickHouseProjectionError) -> ClickHouseProjectionSummary {
    let clock = ContinuousClock()
    let start = clock.now
    let reader = try LogReader(address: configuration.eventsAddress, options: configuration.logOptions)
    var summary = ClickHouseProjectionSummary()
    var backoff = RetryBackoff(first: configuration.retryPauseFirst, max: configuration.retryPauseMax)
    var rebuildPending = configuration.rebuild
    while !stop.isRequested {
      var session = ProjectionSession(configuration: configuration, reader: reader, stop: stop)
      do {
        if rebuildPending {
          try await session.migrator.dropAll()
          rebuildPending = false
          Diagnostics.line("rebuild: dropped the tables of database \(configuration.database)")
        }
        try await session.run(summary: &summary, backoff: &backoff)
        break
      } catch let error where error.isRetryable {
        session.progress.finish()
        summary.retries += 1
        let pause = backoff.failed()
        Diagnostics.line(
          "\(error); retrying in \(Self.seconds(pause)) (what is stored is kept; resuming from there)")
        await Self.sleep(pause, unless: stop)
      } catch {
        session.progress.finish()
        throw error
      }
    }
    summary.elapsed = clock.now - start
    return summary
  }

  static func seconds(_ duration: Duration) -> String {
    let seconds = duration / .seconds(1)
    return seconds < 10 ? "\((seconds * 10).rounded() / 10) s" : "\(Int(seconds.rounded())) s"
  }

  /// Sleeps `duration` in short steps, returning early once `stop` is requested.
  static func sleep(_ duration: Duration, unless stop: StopRequest) async {
    let clock = ContinuousClock()
    let deadline = clock.now + duration
    while !stop.isRequested, clock.now < deadline {
      try? await Task.sleep(for: min(.milliseconds(50), clock.now.duration(to: deadline)))
    }
  }
}
