/// One snapshot file in a store's directory, as listed: what its name and size say, before reading it.
public struct SnapshotStoreEntry: Sendable, Equatable {
  public var fileName: String
  public var path: String
  /// From the file name; the header inside says the same for a valid file.
  public var commandPosition: Int64
  public var byteCount: Int

  public init(fileName: String, path: String, commandPosition: Int64, byteCount: Int) {
    self.fileName = fileName
    self.path = path
    self.commandPosition = commandPosition
    self.byteCount = byteCount
  }
}
