import TradelogCore

/// What a replay did: counts by outcome and the final state hash.
public struct ReplaySummary: Sendable {
  public internal(set) var commands = 0
  public internal(set) var events = 0
  public internal(set) var trades = 0
  /// Rejections counted by reason, indexed by `RejectReason.rawValue`.
  public internal(set) var rejections = [Int](repeating: 0, count: 256)
  public internal(set) var stateHash: [UInt8] = []
  public internal(set) var elapsed: Duration = .zero

  mutating func count(_ batch: [Event]) {
    commands += 1
    events += batch.count
    for event in batch {
      switch event {
      case .trade: trades += 1
      case .orderRejected(let rejection): rejections[Int(rejection.reason.rawValue)] += 1
      case .transferRejected(let rejection): rejections[Int(rejection.reason.rawValue)] += 1
      case .commandRejected(let rejection): rejections[Int(rejection.reason.rawValue)] += 1
      default: break
      }
    }
  }

  public var commandsPerSecond: Double {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return seconds > 0 ? Double(commands) / seconds : 0
  }

  /// Rejection counts in reason order, leaving out reasons that did not occur.
  public var rejectionsByReason: [(reason: RejectReason, count: Int)] {
    RejectReason.allCases.compactMap { reason in
      let count = rejections[Int(reason.rawValue)]
      return count > 0 ? (reason, count) : nil
    }
  }
}
