import RecordLog
import SnapshotStore
import TradelogCore
import TradelogWire

extension Sequencer {
  /// Brings the engine to the end of the events log (DESIGN.md, "Exactly once"): claim the events
  /// log, read its last batch, load the newest snapshot that log agrees with, replay the commands
  /// between the two comparing every batch with the one written, and stop with an error at the first
  /// difference, before writing anything.
  func recover() throws(SequencerError) {
    // The commands log is read once recovery ends (or during replay): its consumers are made now,
    // and the reading one learns the topic's leader, which spares its first read librdkafka's
    // topic scan (up to a second); the end-query consumer connects while the events log is claimed.
    commands.prepareToRead()
    do {
      // First: once claimed, a sequencer still running elsewhere can no longer append behind our back.
      try events.claimWriter()
    } catch {
      throw SequencerError(error, while: "claiming the events log as its writer")
    }
    let reader = EventsLogReader(log: events)
    let last = try reader.lastBatch()
    let snapshot = try loadSnapshot(agreeingWith: last, reader: reader)
    let point = snapshot?.point ?? .start
    engine = snapshot?.engine ?? Engine()
    chain = EventChain(nextSeq: point.lastSeq + 1, previousHash: point.chainHash)
    nextCommandPosition = point.commandPosition
    configuration.log(
      snapshot == nil
        ? "recovery: no usable snapshot: starting from an empty engine at command position 0"
        : "recovery: snapshot at command position \(point.commandPosition), seq \(point.lastSeq)")
    guard let last, last.batch.seq > point.lastSeq else {
      configuration.log("recovery: the events log ends at seq \(last?.batch.seq ?? 0): nothing to replay")
      return
    }
    let first = try reader.batch(seq: point.lastSeq + 1)
    try replay(comparingWith: EventsCursor(reader: reader, position: first.position), through: last.batch.seq)
    // Replayed commands count toward the next snapshot: after a long replay one is due at once, so
    // that a sequencer restarted again and again still moves its starting point forward.
    snapshotSchedule.applied(Int(last.batch.seq - point.lastSeq))
    configuration.log(
      "recovery: replayed and checked seq \(point.lastSeq + 1) to \(last.batch.seq); continuing at command "
        + "position \(nextCommandPosition)")
  }

  private func loadSnapshot(
    agreeingWith last: EventsLogReader.Located?, reader: EventsLogReader
  ) throws(SequencerError) -> LoadedSnapshot? {
    let log = configuration.log
    do {
      try store.removeAbandonedTemporaryFiles()
      return try store.loadNewestValid(
        isUsable: { header in Self.reasonToSkip(header.point, last: last, reader: reader) },
        warn: { log("warning: \($0.message)") })
    } catch {
      throw SequencerError(error)
    }
  }

  /// Why a snapshot cannot be the starting point, or nil if it can: it must not be ahead of the
  /// events log (which may have lost its last appends on power loss, while the snapshot was synced),
  /// and the batch it ends with must be the one in the events log (same chain hash).
  private static func reasonToSkip(
    _ point: SnapshotPoint, last: EventsLogReader.Located?, reader: EventsLogReader
  ) -> String? {
    let lastSeq = last?.batch.seq ?? 0
    guard point.lastSeq <= lastSeq else {
      return "it is at seq \(point.lastSeq), ahead of the events log, which ends at seq \(lastSeq)"
    }
    guard point.lastSeq > 0 else { return nil }
    guard let batch = try? reader.batch(seq: point.lastSeq) else {
      return "the events log's batch seq \(point.lastSeq) cannot be read"
    }
    guard batch.batch.chainHash == point.chainHash else {
      return
        "its chain hash differs from the events log's at seq \(point.lastSeq): it belongs to another events log"
    }
    return nil
  }

  /// Applies commands from `nextCommandPosition` until batch `lastSeq` is sealed, checking each batch
  /// against the events log byte for byte. Writes nothing.
  private func replay(
    comparingWith cursor: consuming EventsCursor, through lastSeq: UInt64
  ) throws(SequencerError) {
    var replayProgress = SequencerProgress(interval: configuration.progressInterval)
    while chain.nextSeq <= lastSeq {
      let records = try readCommands(waitingUpTo: .zero)
      guard !records.isEmpty else {
        throw SequencerError(
          kind: .commandsMissing,
          message: "the events log \(configuration.events) goes on to seq \(lastSeq), but the commands log "
            + "\(configuration.commands) ends at position \(nextCommandPosition) after seq \(chain.nextSeq - 1): "
            + "the two logs do not belong together. Check --commands and --events")
      }
      for record in records where chain.nextSeq <= lastSeq {
        engine.apply(
          CommandRecordDecoder.command(of: record), timestamp: record.timestampMilliseconds, into: &buffer)
        let seq = chain.nextSeq
        let bytes = chain.sealSerialized(buffer, commandOffset: UInt64(record.position))
        let written = try cursor.next()
        guard bytes == written.bytes else {
          throw Self.divergence(seq: seq, commandPosition: record.position, written: written, configuration)
        }
        nextCommandPosition = record.position + 1
        replayProgress.applied(1)
      }
      if let rate = replayProgress.reportDue(at: ContinuousClock.now) {
        configuration.log("recovery: \(rate) commands/s, at seq \(chain.nextSeq - 1) of \(lastSeq)")
      }
    }
  }

  private static func divergence(
    seq: UInt64, commandPosition: Int64, written: EventsLogReader.Located,
    _ configuration: SequencerConfiguration
  ) -> SequencerError {
    let what =
      written.batch.seq != seq
      ? "the events log holds seq \(written.batch.seq) where seq \(seq) belongs"
      : written.batch.commandOffset != UInt64(commandPosition)
        ? "the events log's batch is for command position \(written.batch.commandOffset)"
        : "the events or the chain hash differ"
    return SequencerError(
      kind: .divergence,
      message: "recovery diverged at seq \(seq) (command position \(commandPosition)): \(what). Nothing was "
        + "written. The events log \(configuration.events) was not produced from the commands log "
        + "\(configuration.commands) by this version of the engine; rebuild it into a new events log")
  }
}

/// Reads the events log's batches in order from a position, a read at a time.
struct EventsCursor: ~Copyable {
  let reader: EventsLogReader
  var position: Int64
  private var records: [LogRecord] = []
  private var index = 0

  init(reader: EventsLogReader, position: Int64) {
    self.reader = reader
    self.position = position
  }

  /// The next batch; the caller knows it exists (it is at most the last batch).
  mutating func next() throws(SequencerError) -> EventsLogReader.Located {
    if index == records.count {
      records = try reader.read(from: position, max: ReadLimit())
      index = 0
      guard !records.isEmpty else {
        throw SequencerError(
          kind: .eventsLogCorrupt,
          message: "the events log \(reader.log.address) ended at position \(position) while being read back")
      }
    }
    let record = records[index]
    index += 1
    position = record.position + 1
    return try reader.decode(record)
  }
}
