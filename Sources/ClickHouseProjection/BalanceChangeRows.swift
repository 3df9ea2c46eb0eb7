import TradelogCore

/// The `balance_changes` rows of a range of batches, as Native columns: the new balance of every
/// (account, asset) a command changed.
struct BalanceChangeRows: Sendable {
  private var seq = NativeColumn(name: "seq", type: ColumnType.uint64)
  private var eventIndex = NativeColumn(name: "event_index", type: ColumnType.uint32)
  private var timestamp = NativeColumn(name: "timestamp_ms", type: ColumnType.int64)
  private var account = NativeColumn(name: "account", type: ColumnType.uint64)
  private var asset = NativeColumn(name: "asset", type: ColumnType.string)
  private var available = NativeColumn(name: "available", type: ColumnType.int64)
  private var held = NativeColumn(name: "held", type: ColumnType.int64)

  var count: Int { seq.count }

  mutating func append(_ change: BalanceChanged, at place: EventPlace) {
    seq.append(place.seq)
    eventIndex.append(place.index)
    timestamp.append(place.timestamp)
    account.append(change.account)
    asset.append(change.asset)
    available.append(change.available)
    held.append(change.held)
  }

  func nativeBlock() -> [UInt8] {
    NativeBlock.encode([seq, eventIndex, timestamp, account, asset, available, held])
  }
}
