import ClickHouseClient
import Foundation
import RecordLog
import Testing
import TradelogCore
import TradelogTestSupport
import TradelogWire

@Suite struct ProjectClickHouseCommandTests {
  /// 30,000 commands: long enough that a projector inserting 100 rows at a time is killed mid-run.
  static let killRun = Result {
    try ClickHouseEventLog(seed: 23, commandCount: 30_000, timestampStepMilliseconds: 3_000)
  }

  private func arguments(_ database: TestDatabase, events: String, _ more: [String] = []) -> [String] {
    ["--events", events, "--clickhouse", database.url.absoluteString, "--database", database.name] + more
  }

  @Test func killedTenTimesAtSeededInstantsTheTablesEndIdenticalToACleanRebuild() async throws {
    let fixture = try Self.killRun.get()
    let database = try TestDatabase()
    let clean = try TestDatabase()
    defer {
      Task {
        await database.drop(); await clean.drop()
      }
    }
    let totalRows = fixture.batches.reduce(0) { $0 + $1.events.count }
    var random = SplitMix(seed: 2_024)
    // Ten runs, each killed a seeded moment after it started. The projector follows the log, so it
    // never exits by itself: every kill lands in start-up, inside an insert or between two, whatever
    // the machine's load (a test that waited for a row count could be starved of its turn until the
    // projection was over).
    var killedBeforeTheEnd = 0
    for _ in 0..<10 {
      let process = try ProjectorProcess(
        arguments(database, events: fixture.address, ["--rows-per-insert", "100"]))
      try await Task.sleep(for: .milliseconds(300 + Int(random.next() % 700)))
      process.signal(SIGKILL)
      _ = process.waitForExit()
      if try await storedRows(in: database) < totalRows { killedBeforeTheEnd += 1 }
    }
    let last = try ProjectorProcess(arguments(database, events: fixture.address, ["--no-follow"]))
    #expect(last.waitForExit() == 0, "\(last.standardError)")
    try await clean.project(events: fixture.address, rebuild: true)
    #expect(
      killedBeforeTheEnd >= 3, "only \(killedBeforeTheEnd) of 10 kills came before the tables were complete")
    let dump = try await database.dump()
    #expect(dump == (try await clean.dump()))
    #expect(dump["trades"]?.isEmpty == false)
  }

  /// Rows in all history tables; 0 before the schema exists.
  private func storedRows(in database: TestDatabase) async throws -> Int {
    let rows = try? await database.rows(
      "SELECT (SELECT count() FROM trades) + (SELECT count() FROM order_events) + (SELECT count() FROM balance_changes)"
    )
    return rows?.first?.first.flatMap { $0.flatMap { Int($0) } } ?? 0
  }

  @Test func followsTheLogLiveAndExitsZeroOnSigterm() async throws {
    let fixture = try ClickHouseProjectorTests.shortRun.get()
    let records = fixture.batches.map { $0.serializedBytes() }
    let events = try fixture.derivedLog(named: "live", values: Array(records[..<3_000]))
    let database = try TestDatabase()
    let clean = try TestDatabase()
    defer {
      Task {
        await database.drop(); await clean.drop()
      }
    }
    let process = try ProjectorProcess(arguments(database, events: events))
    let caughtUp = try await process.wait {
      try await lastBalanceSeq(in: database) >= lastBalanceSeq(of: fixture, before: 3_000)
    }
    #expect(caughtUp, "\(process.standardError)")

    try ClickHouseEventLog.append(Array(records[3_000...]), to: events)
    let followed = try await process.wait {
      try await lastBalanceSeq(in: database) >= lastBalanceSeq(of: fixture, before: records.count)
    }
    #expect(followed, "\(process.standardError)")
    process.signal(SIGTERM)
    #expect(process.waitForExit() == 0)
    #expect(!process.wasKilledBySignal)
    #expect(process.standardError.contains("projected"))
    try await clean.project(events: fixture.address)
    #expect(try await database.dump() == clean.dump())
  }

  private func lastBalanceSeq(of fixture: ClickHouseEventLog, before count: Int) -> UInt64 {
    fixture.batches[..<count].last { batch in
      batch.events.contains { if case .balanceChanged(_) = $0 { true } else { false } }
    }?.seq ?? 0
  }

  private func lastBalanceSeq(in database: TestDatabase) async throws -> UInt64 {
    let rows = try? await database.rows("SELECT max(seq) FROM balance_changes")
    return rows?.first?.first.flatMap { $0.flatMap { UInt64($0) } } ?? 0
  }

  @Test(arguments: ["unreachable", "not ClickHouse"])
  func aBadServerIsReportedClearlyAndRetriedUntilStopped(_ server: String) async throws {
    let fixture = try ClickHouseProjectorTests.shortRun.get()
    let url: String
    if server == "unreachable" {
      url = "http://127.0.0.1:1"
    } else {
      // PostgreSQL's port: a real server that does not speak HTTP.
      let postgres = try #require(URLComponents(string: try LocalServices.postgresURL))
      url = "http://127.0.0.1:\(try #require(postgres.port))"
    }
    let process = try ProjectorProcess([
      "--events", fixture.address, "--clickhouse", url, "--database", "unused",
    ])
    let retried = try await process.wait {
      process.standardError.components(separatedBy: "retrying in").count > 2
    }
    #expect(retried, "\(process.standardError)")
    #expect(
      process.standardError.contains(
        server == "unreachable" ? "could not connect to ClickHouse" : "ClickHouse"))
    process.signal(SIGTERM)
    #expect(process.waitForExit() == 0, "\(process.standardError)")
  }

  @Test func rebuildDropsTheTablesAndShowsProgress() async throws {
    let fixture = try ClickHouseProjectorTests.shortRun.get()
    let database = try TestDatabase()
    let clean = try TestDatabase()
    defer {
      Task {
        await database.drop(); await clean.drop()
      }
    }
    try await database.project(events: fixture.address)
    // A stray row the rebuild must drop with its table.
    try await database.client.execute(
      "INSERT INTO balance_changes (seq, event_index, timestamp_ms, account, asset, available, held) "
        + "VALUES (1, 99, 0, 42, 'STRAY', 1, 1)")
    let process = try ProjectorProcess(
      arguments(database, events: fixture.address, ["--rebuild", "--no-follow"]))
    #expect(process.waitForExit() == 0, "\(process.standardError)")
    let output = process.standardError
    #expect(output.contains("rebuild: dropped the tables"))
    #expect(output.contains("6,000/6,000 batches"), "\(output)")
    #expect(output.contains("events/s"))
    #expect(output.contains("ETA"))
    try await clean.project(events: fixture.address)
    #expect(try await database.dump() == clean.dump())
  }
}
