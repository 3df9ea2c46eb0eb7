import SwiftProtobuf
import TradelogCore

/// Writes core commands as command records: binary (protobuf) for the commands log, or one line of
/// JSON for command files and JSON producers. Both are deterministic: fields in field-number order,
/// fields holding their default (0, empty, `…_UNSPECIFIED`) left out, as proto3 does.
/// `Command.unreadable` becomes a record with no command set, which decodes back to `.unreadable`.
public enum CommandEncoder {
  /// The binary command record.
  public static func encode(_ command: Command) -> [UInt8] {
    do {
      return try Tradelog_V1_Command(command).serializedBytes()
    } catch {
      // A proto3 message without `Any` fields or required fields has nothing that can fail to encode.
      preconditionFailure("encoding a tradelog.v1.Command failed: \(error)")
    }
  }

  /// The command as one line of JSON (no line break), in the protobuf JSON mapping that
  /// SEMANTICS.md uses: `{"placeOrder":{"account":"7",…,"side":"BUY",…}}`. 64-bit integers are
  /// written as strings, as the mapping prescribes, so that no reader loses precision.
  public static func encodeJSON(_ command: Command) -> String {
    do {
      return try Tradelog_V1_Command(command).jsonString()
    } catch {
      // JSON encoding fails only for well-known types with out-of-range values; commands have none.
      preconditionFailure("encoding a tradelog.v1.Command as JSON failed: \(error)")
    }
  }
}
