import Dispatch
import RecordLog
import Synchronization
import TradelogCore
import TradelogWire

/// A record of the events log decoded ahead of the chain check, with its link hashed: the chain
/// hash the batch should carry if the batch before it is the record read just before it. Decoding
/// and hashing are most of a projector's work and each record's can be done on its own, so the
/// records of one read are decoded and hashed in parallel; the check then only compares (and hashes
/// again in the rare case the previous record was not the batch before, such as after a duplicate).
public struct DecodedEventBatch: Sendable {
  /// A batch's chain hash computed over the chain hash the record before it carries.
  public struct Link: Sendable {
    public let previousHash: [UInt8]
    public let hash: [UInt8]
  }

  public let record: LogRecord
  public let batch: Result<EventBatchRecord, WireDecodingError>
  /// Nil when the record does not decode.
  public let link: Link?

  /// The chain hash the record carries, empty when it does not decode: what the record after it is
  /// linked to when hashed ahead.
  public var claimedChainHash: [UInt8] {
    (try? batch.get())?.chainHash ?? []
  }

  /// Decodes `records` in up to `parallelism` slices at once, on as many threads; the first record
  /// links to `firstPrevious`.
  public static func decode(
    _ records: [LogRecord], linkingFirstTo firstPrevious: [UInt8], parallelism: Int
  ) -> [DecodedEventBatch] {
    let sliceCount = max(1, min(parallelism, records.count / 256))
    guard sliceCount > 1 else { return decode(records[...], firstPrevious: firstPrevious) }
    let sliceSize = (records.count + sliceCount - 1) / sliceCount
    let slices = Mutex([[DecodedEventBatch]](repeating: [], count: sliceCount))
    DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
      let range = slice * sliceSize..<min(records.count, (slice + 1) * sliceSize)
      // A slice's first record links to the hash the record before it carries: decode that one
      // again here (one record per slice, a small cost).
      let previous = range.lowerBound == 0 ? firstPrevious : claimedHash(of: records[range.lowerBound - 1])
      let decoded = decode(records[range], firstPrevious: previous)
      slices.withLock { $0[slice] = decoded }
    }
    return slices.withLock { $0.flatMap { $0 } }
  }

  private static func decode(_ records: ArraySlice<LogRecord>, firstPrevious: [UInt8]) -> [DecodedEventBatch]
  {
    var previous = firstPrevious
    var decoded: [DecodedEventBatch] = []
    decoded.reserveCapacity(records.count)
    for record in records {
      let batch = decodeBatch(record)
      switch batch {
      case .success(let batch):
        let hash = EventChain.chainHash(ofRecord: record.value, batch: batch, previous: previous)
        decoded.append(
          DecodedEventBatch(
            record: record, batch: .success(batch), link: Link(previousHash: previous, hash: hash)))
        previous = batch.chainHash
      case .failure:
        decoded.append(DecodedEventBatch(record: record, batch: batch, link: nil))
        previous = []
      }
    }
    return decoded
  }

  /// The chain hash `record` carries, or empty when it does not decode.
  private static func claimedHash(of record: LogRecord) -> [UInt8] {
    (try? decodeBatch(record).get())?.chainHash ?? []
  }

  /// Decodes one event batch record.
  public static func decodeBatch(_ record: LogRecord) -> Result<EventBatchRecord, WireDecodingError> {
    do throws(WireDecodingError) {
      return .success(try EventBatchRecord(serializedBytes: record.value))
    } catch {
      return .failure(error)
    }
  }
}
