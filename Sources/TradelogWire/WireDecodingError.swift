/// Why an event batch record (binary or JSON) could not be read.
///
/// Commands never fail to decode (an unreadable command is `Command.unreadable`, which the engine
/// rejects); event batches are written only by the sequencer, so a batch that does not decode is a
/// corrupt record or one written by a newer schema version, and its reader must stop rather than skip.
public enum WireDecodingError: Error, Equatable, CustomStringConvertible {
  /// The bytes or the JSON text are not an `EventBatch` at all.
  case undecodable(reason: String)
  /// Event `index` of the batch is none of the kinds this version knows.
  case unknownEventKind(index: Int)
  /// `field` holds an enumeration number this version does not accept there.
  case unknownEnumerationNumber(field: String, number: Int)

  public var description: String {
    switch self {
    case .undecodable(let reason):
      "the record is not a tradelog.v1 EventBatch (\(reason)): it is corrupt or not from a Tradelog events log"
    case .unknownEventKind(let index):
      "event \(index) of the batch is of a kind this version does not know: "
        + "upgrade this reader to the schema version of the sequencer that wrote it"
    case .unknownEnumerationNumber(let field, let number):
      "\(field) holds \(number), which this version does not know: "
        + "upgrade this reader to the schema version of the sequencer that wrote it"
    }
  }
}
