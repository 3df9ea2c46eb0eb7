import Foundation
import SwiftProtobuf
import TradelogCore

/// One record of the events log: the events one command produced, numbered and chained.
///
/// The binary form is `tradelog.v1.EventBatch`, written deterministically (fields in field-number
/// order, defaults left out), so that replaying a command log reproduces the events log byte for
/// byte. `chain_hash` is field 5, the last one, so a record's bytes are always its
/// `bytesForChainHash()` followed by the chain hash field: the chain can be computed and checked
/// without re-encoding anything.
public struct EventBatchRecord: Sendable, Equatable {
  /// Gapless, from 1: one batch per command record.
  public var seq: UInt64
  /// The position of the command record in the commands log.
  public var commandOffset: UInt64
  /// The command record's log timestamp, clamped by the sequencer to be non-decreasing.
  public var timestamp: Int64
  public var events: [Event]
  /// SHA-256(previous chain hash ‖ `bytesForChainHash()`), computed by the sequencer; empty until then.
  public var chainHash: [UInt8]

  public init(seq: UInt64, commandOffset: UInt64, timestamp: Int64, events: [Event], chainHash: [UInt8] = [])
  {
    self.seq = seq
    self.commandOffset = commandOffset
    self.timestamp = timestamp
    self.events = events
    self.chainHash = chainHash
  }

  /// The tag of `chain_hash`: field 5, wire type 2 (length-delimited).
  static let chainHashTag: UInt8 = 5 << 3 | 2

  /// Unknown fields are dropped while decoding: the core has no place for them.
  private static let binaryOptions: BinaryDecodingOptions = {
    var options = BinaryDecodingOptions()
    options.discardUnknownFields = true
    return options
  }()

  /// Decodes a binary event batch record.
  public init(serializedBytes bytes: [UInt8]) throws(WireDecodingError) {
    // Array's `withUnsafeBytes` rethrows untyped errors: carry the typed one out as a result.
    let result = bytes.withUnsafeBytes { buffer in
      Result { () throws(WireDecodingError) in try Self(reading: buffer) }
    }
    self = try result.get()
  }

  /// Decodes a binary event batch record in place, without copying it (a record of a log's read
  /// buffer). The bytes need to stay valid only for the duration of the call.
  public init(serializedBytes bytes: UnsafeRawBufferPointer) throws(WireDecodingError) {
    try self.init(reading: bytes)
  }

  /// Decodes a binary record through SwiftProtobuf's message objects: the reference the direct
  /// decoder (`init(reading:)`) is tested and measured against.
  @_spi(WireReference)
  public init(throughMessages bytes: UnsafeRawBufferPointer) throws(WireDecodingError) {
    let message: Tradelog_V1_EventBatch
    do {
      message = try Tradelog_V1_EventBatch(serializedBytes: bytes.bytes, options: Self.binaryOptions)
    } catch {
      throw .undecodable(reason: String(describing: error))
    }
    try self.init(wire: message)
  }

  /// The record's bytes, chain hash included.
  public func serializedBytes() -> [UInt8] {
    Self.serializedBytes(bytesForChainHash: bytesForChainHash(), chainHash: chainHash)
  }

  /// The record's bytes with `chain_hash` left out: what the chain hash is computed over. Written by
  /// `EventBatchEncoder`, byte for byte what SwiftProtobuf writes (`bytesForChainHashThroughMessages`).
  public func bytesForChainHash() -> [UInt8] {
    EventBatchEncoder.bytesForChainHash(
      seq: seq, commandOffset: commandOffset, timestamp: timestamp, events: events)
  }

  /// The same bytes through SwiftProtobuf's message objects: the reference the encoder is tested
  /// against.
  func bytesForChainHashThroughMessages() -> [UInt8] {
    let message = Tradelog_V1_EventBatch(self, includingChainHash: false)
    do {
      return try message.serializedBytes()
    } catch {
      // A proto3 message without `Any` fields or required fields has nothing that can fail to encode.
      preconditionFailure("encoding a tradelog.v1.EventBatch failed: \(error)")
    }
  }

  /// The record's bytes from its `bytesForChainHash()` and its chain hash, without encoding the
  /// events again: the chain hash field is appended, exactly as a protobuf encoder writes it last.
  public static func serializedBytes(bytesForChainHash: consuming [UInt8], chainHash: [UInt8]) -> [UInt8] {
    var bytes = bytesForChainHash
    // proto3 leaves an empty bytes field out.
    guard !chainHash.isEmpty else { return bytes }
    bytes.reserveCapacity(bytes.count + 1 + 10 + chainHash.count)
    bytes.append(chainHashTag)
    var length = UInt64(chainHash.count)
    while length >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: length) | 0x80)
      length >>= 7
    }
    bytes.append(UInt8(length))
    bytes.append(contentsOf: chainHash)
    return bytes
  }

  init(wire message: Tradelog_V1_EventBatch) throws(WireDecodingError) {
    var events: [Event] = []
    events.reserveCapacity(message.events.count)
    for (index, event) in message.events.enumerated() {
      events.append(try Event(wire: event, index: index))
    }
    self.init(
      seq: message.seq, commandOffset: message.commandOffset, timestamp: message.timestamp, events: events,
      chainHash: [UInt8](message.chainHash))
  }
}

extension Tradelog_V1_EventBatch {
  init(_ record: EventBatchRecord, includingChainHash: Bool = true) {
    self.init()
    seq = record.seq
    commandOffset = record.commandOffset
    timestamp = record.timestamp
    events = record.events.map(Tradelog_V1_Event.init)
    if includingChainHash {
      chainHash = Data(record.chainHash)
    }
  }
}
