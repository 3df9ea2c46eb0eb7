import SwiftProtobuf

// The JSON form of an event batch (SEMANTICS.md, JSON lines): the protobuf JSON mapping of
// `tradelog.v1.EventBatch`, one line, keys in field-number order:
// {"seq":"1","commandOffset":"0","timestamp":"…","events":[{"trade":{…}},…],"chainHash":"<base64>"}.
// 64-bit integers are strings, as the mapping prescribes; fields holding their default are left out.

extension EventBatchRecord {
  /// Decodes one line of JSON written by `jsonLine()` or any protobuf JSON encoder (64-bit integers
  /// as numbers or strings).
  public init(jsonLine: String) throws(WireDecodingError) {
    let message: Tradelog_V1_EventBatch
    do {
      message = try Tradelog_V1_EventBatch(jsonString: jsonLine)
    } catch {
      throw .undecodable(reason: String(describing: error))
    }
    try self.init(wire: message)
  }

  /// The batch as exactly one line of JSON, without a line break (protobuf's JSON encoder writes no
  /// whitespace and escapes line breaks inside strings).
  public func jsonLine() -> String {
    do {
      return try Tradelog_V1_EventBatch(self).jsonString()
    } catch {
      // JSON encoding fails only for well-known types with out-of-range values; batches have none.
      preconditionFailure("encoding a tradelog.v1.EventBatch as JSON failed: \(error)")
    }
  }
}
