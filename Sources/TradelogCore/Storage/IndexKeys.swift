// The keys of the engine's hash indices. Each reserves one value that no real key takes (`vacant`).

/// A client's account id (never 0 here: the fee account is not looked up by id).
struct AccountIdKey: HashIndexKey {
  var account: UInt64
  static let vacant = AccountIdKey(account: 0)
  func hashCode(_ seed: HashSeed) -> UInt64 { seed.hash(account) }
}

/// An (account index, asset index) pair, both dense indices the engine assigned.
struct BalanceKey: HashIndexKey {
  var packed: UInt64
  init(account: Int32, asset: Int32) {
    packed = UInt64(UInt32(bitPattern: account)) << 32 | UInt64(UInt32(bitPattern: asset))
  }
  private init(packed: UInt64) { self.packed = packed }
  static let vacant = BalanceKey(packed: .max)
  func hashCode(_ seed: HashSeed) -> UInt64 { seed.hash(packed) }
}

/// An account's clientOrderId (never 0: a 0 is MALFORMED).
struct ClientOrderKey: HashIndexKey {
  var clientOrderId: UInt64
  var account: Int32
  static let vacant = ClientOrderKey(clientOrderId: 0, account: 0)
  /// No stored key has clientOrderId 0: the id alone tells.
  var isVacant: Bool { clientOrderId == 0 }
  func hashCode(_ seed: HashSeed) -> UInt64 { seed.hash(clientOrderId, UInt64(UInt32(bitPattern: account))) }
}

/// An account's transfer id (never 0: a 0 is MALFORMED).
struct TransferKey: HashIndexKey {
  var transferId: UInt64
  var account: Int32
  static let vacant = TransferKey(transferId: 0, account: 0)
  /// No stored key has transfer id 0: the id alone tells.
  var isVacant: Bool { transferId == 0 }
  func hashCode(_ seed: HashSeed) -> UInt64 { seed.hash(transferId, UInt64(UInt32(bitPattern: account))) }
}

/// A market or asset name (never empty once valid).
struct NameKey: HashIndexKey {
  var name: Symbol
  static let vacant = NameKey(name: .empty)
  func hashCode(_ seed: HashSeed) -> UInt64 { seed.hash(name.word0, name.word1, name.word2) }
}
