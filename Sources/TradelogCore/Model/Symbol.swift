/// A short name: an asset (`BTC`) or a market (`BTC-USD`), up to 24 bytes, stored inline.
///
/// Names travel in every command and event, so they must not allocate: a `String` longer than 15
/// UTF-8 bytes lives on the heap, a `Symbol` never does. The bytes are packed big-endian into three
/// words, zero-padded, so comparing the words compares the names in byte order (the order
/// SEMANTICS.md sorts balance changes by), and a shorter name sorts before any longer one it
/// prefixes.
///
/// A `Symbol` holds any bytes but zero; whether they make a valid asset or market name is a rule of
/// the engine (`isValidAssetName`, `isValidMarketName`), checked where a command is validated, so
/// that a bad name can still be carried into the rejection event that reports it.
public struct Symbol: Hashable, Comparable, Sendable, CustomStringConvertible {
  public static let capacity = 24

  /// The name a decoder uses for text it could not carry (longer than `capacity`, or containing a
  /// zero byte). `?` is not a valid character of any name, so a command carrying it is MALFORMED.
  public static let unreadable = Symbol(validBytes: [UInt8(ascii: "?")])

  public static let empty = Symbol(words: (0, 0, 0))

  @usableFromInline var word0: UInt64
  @usableFromInline var word1: UInt64
  @usableFromInline var word2: UInt64

  @usableFromInline init(words: (UInt64, UInt64, UInt64)) {
    (word0, word1, word2) = words
  }

  /// Returns nil for more than `capacity` bytes or a zero byte. Inlinable so that the decoders,
  /// in other modules, get it specialized for their buffers: called generically, each call looked
  /// up the sequence's type metadata at run time, which was most of the cost of reading a name.
  @inlinable
  public init?(bytes: some Sequence<UInt8>) {
    var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var index = 0
    for byte in bytes {
      guard byte != 0, index < Self.capacity else { return nil }
      let shift = UInt64(56 - 8 * (index % 8))
      switch index / 8 {
      case 0: words.0 |= UInt64(byte) << shift
      case 1: words.1 |= UInt64(byte) << shift
      default: words.2 |= UInt64(byte) << shift
      }
      index += 1
    }
    self.init(words: words)
  }

  /// Returns nil for more than `capacity` UTF-8 bytes or a zero byte.
  public init?(_ text: some StringProtocol) {
    self.init(bytes: text.utf8)
  }

  /// The symbol for `text` if it fits, else `unreadable`: what a decoder carries into a command.
  public init(decoding text: some StringProtocol) {
    self = Symbol(text) ?? .unreadable
  }

  private init(validBytes: [UInt8]) {
    self.init(bytes: validBytes)!
  }

  public var count: Int {
    if word2 != 0 { return 16 + 8 - word2.trailingZeroBitCount / 8 }
    if word1 != 0 { return 8 + 8 - word1.trailingZeroBitCount / 8 }
    if word0 != 0 { return 8 - word0.trailingZeroBitCount / 8 }
    return 0
  }

  public var isEmpty: Bool { word0 == 0 }

  /// The byte at `index` (0-based), which must be below `count`.
  public subscript(index: Int) -> UInt8 {
    precondition(index >= 0 && index < Self.capacity, "Symbol index \(index) out of range")
    let word: UInt64
    switch index / 8 {
    case 0: word = word0
    case 1: word = word1
    default: word = word2
    }
    return UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * (index % 8)))
  }

  public var bytes: [UInt8] { (0..<count).map { self[$0] } }

  public var description: String { String(decoding: bytes, as: UTF8.self) }

  /// SEMANTICS.md: assets are named by 1–12 characters of `A–Z 0–9`.
  public var isValidAssetName: Bool {
    let count = count
    return count >= 1 && count <= 12 && (0..<count).allSatisfy { Self.isUpperAlphanumeric(self[$0]) }
  }

  /// SEMANTICS.md: markets are named by 1–24 characters of `A–Z 0–9 -`.
  public var isValidMarketName: Bool {
    let count = count
    return count >= 1
      && (0..<count).allSatisfy { Self.isUpperAlphanumeric(self[$0]) || self[$0] == UInt8(ascii: "-") }
  }

  private static func isUpperAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  public static func < (left: Symbol, right: Symbol) -> Bool {
    (left.word0, left.word1, left.word2) < (right.word0, right.word1, right.word2)
  }
}
