import RecordLog
import TradelogWire

/// A record of the events log decoded ahead of the chain check, with its link hashed: the chain
/// hash the batch should carry if the batch before it is the record read just before it. Decoding
/// and hashing are most of the projector's work, and each record's can be done on its own, so the
/// records of one read are decoded and hashed in parallel; the chain check then only compares (and
/// hashes again in the rare case the previous record was not the batch before, such as after a
/// duplicate).
struct DecodedRecord: Sendable {
  let record: LogRecord
  let batch: Result<EventBatchRecord, ClickHouseProjectionError>
  /// The chain hash computed over `previousHash`, the chain hash the previous record carries.
  let link: BatchChainCheck.Link?

  /// The chain hash the record carries, empty when it does not decode: what the record after it is
  /// linked to when hashed ahead.
  var claimedChainHash: [UInt8] {
    (try? batch.get())?.chainHash ?? []
  }

  /// Decodes `records` in up to `parallelism` slices at once; the first record links to `firstPrevious`.
  static func decode(
    _ records: [LogRecord], linkingFirstTo firstPrevious: [UInt8], parallelism: Int
  ) async -> [DecodedRecord] {
    let sliceCount = max(1, min(parallelism, records.count / 256))
    guard sliceCount > 1 else { return decode(records[...], firstPrevious: firstPrevious) }
    let sliceSize = (records.count + sliceCount - 1) / sliceCount
    return await withTaskGroup(of: (Int, [DecodedRecord]).self) { group in
      for slice in 0..<sliceCount {
        let range = slice * sliceSize..<min(records.count, (slice + 1) * sliceSize)
        // A slice's first record links to the hash the record before it carries, known only once
        // that one is decoded: decode it again here (one record per slice, a small cost).
        let previous =
          range.lowerBound == 0 ? firstPrevious : Self.claimedHash(of: records[range.lowerBound - 1])
        group.addTask { (slice, decode(records[range], firstPrevious: previous)) }
      }
      var slices = [[DecodedRecord]](repeating: [], count: sliceCount)
      for await (slice, decoded) in group { slices[slice] = decoded }
      return slices.flatMap { $0 }
    }
  }

  private static func decode(_ records: ArraySlice<LogRecord>, firstPrevious: [UInt8]) -> [DecodedRecord] {
    var previous = firstPrevious
    var decoded: [DecodedRecord] = []
    decoded.reserveCapacity(records.count)
    for record in records {
      let batch = decodeBatch(record)
      switch batch {
      case .success(let batch):
        let hash = BatchChainCheck.chainHash(of: batch, recordBytes: record.value, previous: previous)
        decoded.append(
          DecodedRecord(
            record: record, batch: .success(batch), link: .init(previousHash: previous, hash: hash)))
        previous = batch.chainHash
      case .failure:
        decoded.append(DecodedRecord(record: record, batch: batch, link: nil))
        previous = []
      }
    }
    return decoded
  }

  /// The chain hash `record` carries, or empty when it does not decode (its successor then links to
  /// nothing and is hashed again by the chain check).
  private static func claimedHash(of record: LogRecord) -> [UInt8] {
    (try? decodeBatch(record).get())?.chainHash ?? []
  }

  static func decodeBatch(_ record: LogRecord) -> Result<EventBatchRecord, ClickHouseProjectionError> {
    do {
      return .success(try EventBatchRecord(serializedBytes: record.value))
    } catch {
      return .failure(.undecodableBatch(position: record.position, reason: error))
    }
  }
}
