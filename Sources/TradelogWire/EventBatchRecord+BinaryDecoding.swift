import TradelogCore

extension EventBatchRecord {
  /// Reads a binary record with exactly the results of decoding a `Tradelog_V1_EventBatch` and
  /// converting it (`init(throughMessages:)`): the same records, and an error for the same bytes.
  init(reading bytes: UnsafeRawBufferPointer) throws(WireDecodingError) {
    self.init(seq: 0, commandOffset: 0, timestamp: 0, events: [])
    var reader = WireReader(bytes)
    // The reference decodes the whole message before it judges an event, so bytes that are not a
    // message at all fail as such even after an unknown event: judging stops at the first wrong
    // event, reading goes on to the end.
    var firstWrongEvent: WireDecodingError?
    do throws(WireReader.Failure) {
      while let tag = try reader.nextTag() {
        switch (tag.fieldNumber, tag.wireType) {
        case (1, .varint): seq = try reader.readVarint()
        case (2, .varint): commandOffset = try reader.readVarint()
        case (3, .varint): timestamp = try reader.readInt64()
        case (4, .lengthDelimited):
          let event = try reader.readMessage(mergingInto: EventAsRead?.none)
          if firstWrongEvent == nil {
            do throws(WireDecodingError) {
              events.append(try Event(judging: event, index: events.count))
            } catch {
              firstWrongEvent = error
            }
          }
        case (5, .lengthDelimited): chainHash = try reader.readBytes()
        default: try reader.skip(tag)
        }
      }
    } catch {
      throw .undecodable(reason: error.description)
    }
    if let firstWrongEvent { throw firstWrongEvent }
  }
}
