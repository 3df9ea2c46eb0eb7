import TradelogCore

/// A snapshot file that passed every check, decoded: its header and the engine it holds.
public struct LoadedSnapshot: Sendable {
  public var header: SnapshotHeader
  public var engine: Engine

  public init(header: SnapshotHeader, engine: Engine) {
    self.header = header
    self.engine = engine
  }

  public var point: SnapshotPoint { header.point }
}
