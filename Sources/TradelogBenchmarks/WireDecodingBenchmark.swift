import TradelogCore
@_spi(WireReference) import TradelogWire

/// Binary decoding of command records (the sequencer's input) and of event batch records (the
/// projectors' and the auditor's), through the direct decoders and, in the same run, through
/// SwiftProtobuf's message objects (the reference path), over the records of a workload.
enum WireDecodingBenchmark {
  /// The workload's command records, and the event batch records an engine writes for them.
  struct Records {
    var commands: [[UInt8]] = []
    var batches: [[UInt8]] = []

    init(commands workload: [Command]) {
      var engine = Engine()
      var buffer = EventBuffer(capacity: 1_024)
      commands.reserveCapacity(workload.count)
      batches.reserveCapacity(workload.count)
      for (position, command) in workload.enumerated() {
        commands.append(CommandEncoder.encode(command))
        engine.apply(command, timestamp: Int64(position), into: &buffer)
        let batch = EventBatchRecord(
          seq: UInt64(position + 1), commandOffset: UInt64(position), timestamp: Int64(position),
          events: buffer.events, chainHash: Array(repeating: 0xA5, count: 32))
        batches.append(batch.serializedBytes())
      }
    }
  }

  static func report(commands workload: [Command], repetitions: Int) {
    let records = Records(commands: workload)
    let eventCount = records.batches.reduce(0) { total, bytes in
      total + ((try? EventBatchRecord(serializedBytes: bytes))?.events.count ?? 0)
    }
    print("wire decoding:         direct vs SwiftProtobuf messages, best of \(repetitions)")
    var checksum = 0
    let commands = measure(records.commands, repetitions: repetitions) { bytes in
      checksum &+= decodedMarker(CommandDecoder.decode(bytes))
    }
    let commandsReference = measure(records.commands, repetitions: repetitions) { bytes in
      checksum &+= decodedMarker(CommandDecoder.decodeThroughMessages(bytes))
    }
    printLine("commands decoded/s:", commands, commandsReference, count: records.commands.count)
    let batches = measure(records.batches, repetitions: repetitions) { bytes in
      checksum &+= (try? EventBatchRecord(serializedBytes: bytes))?.events.count ?? -1
    }
    let batchesReference = measure(records.batches, repetitions: repetitions) { bytes in
      checksum &+= (try? EventBatchRecord(throughMessages: bytes))?.events.count ?? -1
    }
    printLine("batches decoded/s:", batches, batchesReference, count: records.batches.count)
    print(
      "                       (\(fixed(Double(eventCount) / Double(records.batches.count))) events/batch; "
        + "checksum \(checksum))")
  }

  /// Something of the command that the optimizer cannot throw away.
  private static func decodedMarker(_ command: Command) -> Int {
    if case .unreadable = command { -1 } else { 1 }
  }

  private static func measure(
    _ records: [[UInt8]], repetitions: Int, _ decode: (UnsafeRawBufferPointer) -> Void
  ) -> RunMeasurement {
    RunMeasurement.best(of: repetitions) {
      for record in records {
        record.withUnsafeBytes { decode($0) }
      }
    }
  }

  private static func printLine(
    _ label: String, _ direct: RunMeasurement, _ reference: RunMeasurement, count: Int
  ) {
    let rate = Double(count) / direct.seconds
    let referenceRate = Double(count) / reference.seconds
    print(
      label + String(repeating: " ", count: max(1, 23 - label.count)) + "\(grouped(rate))   "
        + "(SwiftProtobuf \(grouped(referenceRate)), \(fixed(rate / referenceRate))x; allocations/record "
        + "\(fixed(Double(direct.allocations) / Double(count))) vs "
        + "\(fixed(Double(reference.allocations) / Double(count))))")
  }
}
