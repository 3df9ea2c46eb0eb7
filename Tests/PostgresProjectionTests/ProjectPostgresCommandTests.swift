import Foundation
import PostgresClient
import Testing
import TradelogCore
import TradelogTestSupport
import TradelogWire

@testable import PostgresProjection

/// The real `tradelog project postgres` process: killed at any instant, stopped by signals.
@Suite struct ProjectPostgresCommandTests {
  static func start(
    _ log: TemporaryLog, _ database: ProjectionDatabase, _ extra: [String],
    standardError: FileHandle = FileHandle.nullDevice
  ) throws -> Process {
    let process = Process()
    process.executableURL = try BuiltProducts.tradelog
    process.arguments =
      ["project", "postgres", "--events", log.address, "--postgres", database.url] + extra
    process.standardOutput = FileHandle.nullDevice
    process.standardError = standardError
    try process.run()
    return process
  }

  static func lastSeq(_ database: ProjectionDatabase) throws -> Int64 {
    let connection = try database.connect()
    let exists = try connection.execute("SELECT to_regclass('projector_state') IS NOT NULL AS present")
    guard exists[0]["present"] == "t" else { return 0 }
    return try integer(try connection.execute("SELECT last_seq FROM projector_state")[0], "last_seq")
  }

  /// Ten kill -9s at seeded instants, each a restart from what was committed: the tables end
  /// identical to a clean projection.
  @Test func killedAtSeededInstantsEndsLikeACleanRun() throws {
    let log = TemporaryLog(fixture: SharedFixtures.small)
    let database = try ProjectionDatabase()
    let reference = try ProjectionDatabase()
    defer {
      database.drop()
      reference.drop()
    }
    var random = SplitMix(seed: 20_240_611)
    var kills = 0
    var attempts = 0
    var seqsAtKills: [Int64] = []
    while kills < 10 && attempts < 40 {
      attempts += 1
      let process = try Self.start(log, database, ["--no-follow", "--batches-per-transaction", "20"])
      // Each run first commits something new, so the kills spread over the whole projection rather
      // than all landing in start-up; then it dies a seeded moment later, mostly inside a transaction.
      let previous = seqsAtKills.last ?? 0
      while process.isRunning, try Self.lastSeq(database) <= previous {
        Thread.sleep(forTimeInterval: 0.005)
      }
      Thread.sleep(forTimeInterval: Double(random.next() % 60) / 1_000)
      guard process.isRunning else {
        process.waitUntilExit()
        break
      }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      kills += 1
      seqsAtKills.append(try Self.lastSeq(database))
    }
    let final = try Self.start(log, database, ["--no-follow"])
    final.waitUntilExit()
    _ = try PostgresProjectorTests.project(log, into: reference)

    #expect(kills >= 10, "the projection finished before ten kills: \(seqsAtKills)")
    #expect(final.terminationStatus == 0)
    #expect(seqsAtKills == seqsAtKills.sorted())
    #expect(seqsAtKills.allSatisfy { $0 > 0 && $0 < SharedFixtures.small.batches.count })
    #expect(try database.dump() == reference.dump())
    print("kill -9 instants left the tables at seqs \(seqsAtKills)")
  }

  /// A rebuild shows its progress bar (through the display both projectors share): the batches done
  /// of the log's end, the rate and the time left.
  @Test func rebuildShowsProgress() throws {
    let log = TemporaryLog(fixture: SharedFixtures.small)
    let database = try ProjectionDatabase()
    defer { database.drop() }
    let result = try Subprocess.run(
      try BuiltProducts.tradelog.path,
      [
        "project", "postgres", "--events", log.address, "--postgres", database.url, "--rebuild",
        "--no-follow",
      ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("rebuild ["), "\(result.standardError)")
    // The small fixture's 12,000 commands are 12,000 batches at positions 0..<12,000.
    #expect(result.standardError.contains("12,000/12,000 batches"), "\(result.standardError)")
    #expect(result.standardError.contains("events/s"))
    #expect(result.standardError.contains("ETA"))
  }

  /// SIGTERM while tailing: the projector stops with status 0 and the tables are complete. While it
  /// waits for more, it says once that it caught up, not on every empty read (one each 200 ms).
  @Test func sigtermWhileFollowingExitsCleanly() throws {
    let log = TemporaryLog(fixture: SharedFixtures.small)
    let database = try ProjectionDatabase()
    defer { database.drop() }
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let errorFile = directory.file("stderr")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    let process = try Self.start(
      log, database, ["--follow"], standardError: try FileHandle(forWritingTo: errorFile))
    let deadline = ContinuousClock.now + .seconds(120)
    while try Self.lastSeq(database) < SharedFixtures.small.batches.count && ContinuousClock.now < deadline {
      Thread.sleep(forTimeInterval: 0.1)
    }
    // Idle reads while following: a dozen or so at the default wait.
    Thread.sleep(forTimeInterval: 2.5)
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0)
    #expect(try Self.lastSeq(database) == SharedFixtures.small.batches.count)
    let standardError = try String(contentsOf: errorFile, encoding: .utf8)
    let caughtUpLines = standardError.split(separator: "\n").filter { $0.contains("12,000/12,000 batches") }
    #expect(caughtUpLines.count == 1, "\(standardError)")
  }

  /// SIGINT in the middle of catching up: status 0, and what was folded is committed whole.
  @Test func sigintWhileCatchingUpCommitsAndExitsCleanly() throws {
    let log = TemporaryLog(fixture: SharedFixtures.small)
    let database = try ProjectionDatabase()
    defer { database.drop() }
    let process = try Self.start(log, database, ["--no-follow", "--batches-per-transaction", "20"])
    let deadline = ContinuousClock.now + .seconds(120)
    while try Self.lastSeq(database) == 0 && ContinuousClock.now < deadline {
      Thread.sleep(forTimeInterval: 0.02)
    }
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 0)
    let connection = try database.connect()
    let stopped = try Self.lastSeq(database)
    #expect(stopped > 0)
    // Whole batches only: the orders table holds exactly the orders accepted up to the checkpoint.
    let orders = try integer(try connection.execute("SELECT count(*) AS n FROM orders")[0], "n")
    var accepted = 0
    for batch in SharedFixtures.small.batches.prefix(Int(stopped)) {
      for case .orderAccepted in batch.events { accepted += 1 }
    }
    #expect(orders == Int64(accepted))
  }
}
