import PostgresClient

/// The row of `projector_state`: how far the tables are, written in the same transaction as the
/// rows, so that it is never ahead of or behind them.
public struct ProjectorCheckpoint: Sendable, Equatable {
  /// The seq of the last applied batch, 0 before the first.
  public var lastSeq: UInt64
  public var chainHash: [UInt8]
  /// The log position of the last applied batch, -1 before the first: reading goes on after it.
  public var lastPosition: Int64
  /// Set while a rebuild runs: the log's end position when it began.
  public var rebuildTargetPosition: Int64?

  public var isRebuilding: Bool { rebuildTargetPosition != nil }

  static func load(_ connection: PostgresConnection) throws(ProjectionError) -> ProjectorCheckpoint {
    let result = try connection.run(
      """
      SELECT last_seq, encode(chain_hash, 'hex') AS chain_hash, last_position, rebuild_target_position
      FROM projector_state
      """)
    guard result.count == 1, let row = result.first else {
      throw .unreadableState("projector_state holds \(result.count) rows instead of one")
    }
    do {
      guard let lastSeq = try row.int64("last_seq"), lastSeq >= 0,
        let lastPosition = try row.int64("last_position"),
        let chainHash = row["chain_hash"].flatMap(HexBytes.decode)
      else {
        throw ProjectionError.unreadableState("projector_state has a NULL or negative value")
      }
      return ProjectorCheckpoint(
        lastSeq: UInt64(lastSeq), chainHash: chainHash, lastPosition: lastPosition,
        rebuildTargetPosition: try row.int64("rebuild_target_position"))
    } catch let error as ProjectionError {
      throw error
    } catch {
      throw .unreadableState("projector_state: \(error)")
    }
  }
}
