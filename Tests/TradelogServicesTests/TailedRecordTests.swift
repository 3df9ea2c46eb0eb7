import RecordLog
import Testing
import TradelogCore
import TradelogServices
import TradelogSimulation
import TradelogWire

@Suite struct TailedRecordTests {
  private func record(_ value: [UInt8], headers: [RecordHeader] = []) -> LogRecord {
    LogRecord(position: 3, timestampMilliseconds: 0, key: nil, value: value, headers: headers)
  }

  @Test func autoReadsNoWorkloadCommandAsAnEventBatch() throws {
    var workload = Workload(seed: 31)
    for _ in 0..<5_000 {
      let command = workload.next()!
      let content = try TailedRecord(classifying: record(CommandEncoder.encode(command)), as: .auto)
      #expect(content == .command(command))
    }
  }

  @Test func autoReadsASealedBatchAsOne() throws {
    let batch = EventBatchRecord(
      seq: 9, commandOffset: 8, timestamp: 1_000,
      events: [.commandRejected(CommandRejected(reason: .malformed))],
      chainHash: [UInt8](repeating: 1, count: 32))
    #expect(try TailedRecord(classifying: record(batch.serializedBytes()), as: .auto) == .eventBatch(batch))
    #expect(try TailedRecord(classifying: record(batch.serializedBytes()), as: .events) == .eventBatch(batch))
    // Without its chain hash a batch is not one the sequencer wrote.
    var unsealed = batch
    unsealed.chainHash = []
    #expect(
      try TailedRecord(classifying: record(unsealed.serializedBytes()), as: .auto) != .eventBatch(unsealed))
  }

  @Test func aJSONCommandIsReadByItsHeader() throws {
    let command = Command.cancelAll(CancelAll(account: 4))
    let json = record(
      Array(CommandEncoder.encodeJSON(command).utf8),
      headers: [RecordHeader(name: "content-type", text: "application/json")])
    #expect(try TailedRecord(classifying: json, as: .auto) == .command(command))
    #expect(try TailedRecord(classifying: json, as: .commands) == .command(command))
  }

  @Test func eventsRefusesACommandNamingItsPosition() {
    let cancel = CommandEncoder.encode(.cancelOrder(CancelOrder(account: 1, orderId: 2)))
    #expect {
      try TailedRecord(classifying: record(cancel), as: .events)
    } throws: { error in
      guard case .notAnEventBatch(let position, _) = error as? TailError else { return false }
      return position == 3
    }
  }
}
