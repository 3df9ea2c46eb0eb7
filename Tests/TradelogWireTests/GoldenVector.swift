import Foundation
import TradelogTestSupport

/// One line of a golden vector file in schemas/golden: a named value's binary encoding as hex and
/// its JSON encoding, written as `{"name":…,"hex":…,["hexForChainHash":…,]"json":<the JSON>}`.
/// The JSON is embedded as an object (readable by any JSON parser) and compared as exact text.
struct GoldenVector: Equatable, CustomStringConvertible {
  var name: String
  var hex: String
  /// Event batches only: the bytes the chain hash is computed over.
  var hexForChainHash: String?
  var json: String

  var description: String { line }

  var line: String {
    var line = #"{"name":"\#(name)","hex":"\#(hex)","#
    if let hexForChainHash { line += #""hexForChainHash":"\#(hexForChainHash)","# }
    return line + #""json":\#(json)}"#
  }

  init(name: String, bytes: [UInt8], bytesForChainHash: [UInt8]? = nil, json: String) {
    self.name = name
    self.hex = Self.hex(bytes)
    self.hexForChainHash = bytesForChainHash.map(Self.hex)
    self.json = json
  }

  struct MalformedLine: Error, CustomStringConvertible {
    let line: String
    var description: String {
      "not a golden vector line (rewrite it with tools/generate-golden-vectors): \(line)"
    }
  }

  /// Parses a line written by `line`.
  init(line: String) throws {
    guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
      let name = object["name"] as? String, let hex = object["hex"] as? String,
      let jsonKey = line.range(of: #","json":"#), line.hasSuffix("}")
    else { throw MalformedLine(line: line) }
    self.name = name
    self.hex = hex
    self.hexForChainHash = object["hexForChainHash"] as? String
    self.json = String(line[jsonKey.upperBound..<line.index(before: line.endIndex)])
  }

  var bytes: [UInt8] { Self.bytes(hex: hex) }

  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0xF)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  static func bytes(hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count - 1, by: 2).map { index in
      UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16)!
    }
  }
}

/// The golden vector files of schemas/golden, read by the tests and rewritten by
/// tools/generate-golden-vectors (which sets TRADELOG_WRITE_GOLDEN_VECTORS=1).
enum GoldenVectorFile {
  static let directory = PackageRoot.url.appending(path: "schemas/golden")

  static var isWriting: Bool {
    ProcessInfo.processInfo.environment["TRADELOG_WRITE_GOLDEN_VECTORS"] == "1"
  }

  static func read(_ fileName: String) throws -> [GoldenVector] {
    let text = try String(contentsOf: directory.appending(path: fileName), encoding: .utf8)
    return try text.split(separator: "\n").map { try GoldenVector(line: String($0)) }
  }

  static func write(_ vectors: [GoldenVector], to fileName: String) throws {
    let text = vectors.map { $0.line + "\n" }.joined()
    try text.write(to: directory.appending(path: fileName), atomically: true, encoding: .utf8)
  }
}
