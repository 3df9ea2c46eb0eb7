import PostgresClient
import RecordLog
import TradelogServices

/// One connection's worth of projecting: connects, prepares the schema (dropping it first for a
/// rebuild), reads back the checkpoint and the fold's state, then folds records and commits them.
///
/// A session that failed is thrown away whole: its in-memory fold may hold work the server rolled
/// back, so the next session reads everything again from what was committed.
final class ProjectionSession {
  /// Held for the session's lifetime, so that a second projector on the same database waits instead
  /// of writing beside this one. PostgreSQL frees it when the connection ends, however it ends.
  static let sessionLockKey: Int64 = 0x7472_6164_656c_6f68

  let connection: PostgresConnection
  private(set) var checkpoint: ProjectorCheckpoint
  private var fold: ProjectionFold
  private var verifier: ChainVerifier

  /// For a rebuild, `rebuildTargetPosition` is the events log's end position now.
  init(url: String, rebuildTargetPosition: Int64?) throws(ProjectionError) {
    do {
      connection = try PostgresConnection(url: url)
    } catch {
      throw .postgres(error)
    }
    let locked = try connection.run(
      "SELECT pg_try_advisory_lock($1::bigint) AS locked", [String(Self.sessionLockKey)])
    guard locked.first?["locked"] == "t" else { throw .anotherProjectorRunning }
    try connection.inTransaction { connection throws(ProjectionError) in
      try ProjectionSchema.lock(connection)
      if rebuildTargetPosition != nil {
        try ProjectionSchema.dropTables(in: connection)
      }
      _ = try ProjectionSchema.migrate(in: connection, to: ProjectionMigration.latestVersion)
      if let rebuildTargetPosition, rebuildTargetPosition > 0 {
        try connection.run(
          "UPDATE projector_state SET rebuild_target_position = $1::bigint, rebuild_started_at = now()",
          [String(rebuildTargetPosition)])
      }
    }
    checkpoint = try ProjectorCheckpoint.load(connection)
    fold = try ProjectionFold.load(connection)
    verifier = ChainVerifier(lastSeq: checkpoint.lastSeq, lastChainHash: checkpoint.chainHash)
    try ProjectionWriter.createStagingTables(connection)
  }

  var pendingBatchCount: Int { fold.changes.batchCount }
  var pendingEventCount: Int { fold.changes.eventCount }

  /// The chain hash the next batch must link to: where a read's records are hashed ahead from.
  var lastChainHash: [UInt8] { verifier.lastChainHash }

  /// Folds `decoded` into the pending transaction; false when its batch was applied before.
  func fold(_ decoded: DecodedEventBatch) throws(ProjectionError) -> Bool {
    switch try verifier.check(decoded) {
    case .alreadyApplied:
      return false
    case .next(let batch):
      try fold.apply(batch, position: decoded.record.position)
      return true
    }
  }

  /// Commits the pending batches with the checkpoint in one transaction.
  func commit() throws(ProjectionError) {
    let changes = fold.changes
    guard !changes.isEmpty else { return }
    let finishingRebuild = checkpoint.rebuildTargetPosition.map { changes.lastPosition + 1 >= $0 } ?? false
    try connection.inTransaction { connection throws(ProjectionError) in
      try ProjectionWriter.write(changes, of: fold, finishingRebuild: finishingRebuild, to: connection)
    }
    fold.changes = ProjectionChanges()
    checkpoint.lastSeq = changes.lastSeq
    checkpoint.chainHash = changes.lastChainHash
    checkpoint.lastPosition = changes.lastPosition
    if finishingRebuild { checkpoint.rebuildTargetPosition = nil }
  }

  /// Marks a rebuild done when the log's last batches were duplicates of applied ones.
  func finishRebuildIfReached(position: Int64) throws(ProjectionError) {
    guard let target = checkpoint.rebuildTargetPosition, position >= target, fold.changes.isEmpty else {
      return
    }
    try ProjectionWriter.finishRebuild(connection)
    checkpoint.rebuildTargetPosition = nil
  }
}
