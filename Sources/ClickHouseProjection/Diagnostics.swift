import Foundation

/// Messages for the person running the projector, on standard error, so that standard output stays
/// free for data.
enum Diagnostics {
  static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  static func line(_ text: String) {
    write("tradelog project clickhouse: " + text + "\n")
  }
}
