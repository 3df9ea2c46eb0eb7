import AcceleratedSHA256
import TradelogCore
import TradelogWire

extension EventChain {
  /// The field that ends every stored batch: `chain_hash` (field 5, length-delimited) and its length.
  private static let hashFieldPrefix: [UInt8] = [5 << 3 | 2, UInt8(SHA256.digestByteCount)]
  private static let hashFieldByteCount = 2 + SHA256.digestByteCount

  /// The chain hash a stored event batch record should carry when the batch before it carries
  /// `previous`: SHA-256(previous ‖ the record's bytes without its chain hash field). The sequencer
  /// writes that field last, so it is cut off the record's end without encoding anything; a record
  /// laid out otherwise is encoded again. What every reader that checks the chain computes.
  public static func chainHash(ofRecord bytes: [UInt8], batch: EventBatchRecord, previous: [UInt8]) -> [UInt8]
  {
    var hasher = SHA256.accelerated()
    hasher.update(previous)
    let fieldStart = bytes.count - hashFieldByteCount
    if fieldStart >= 0, bytes[fieldStart..<fieldStart + 2].elementsEqual(hashFieldPrefix),
      bytes[(fieldStart + 2)...].elementsEqual(batch.chainHash)
    {
      hasher.update(bytes[..<fieldStart])
    } else {
      hasher.update(batch.bytesForChainHash())
    }
    return hasher.finalize()
  }
}
