extension SQLiteConnection {
  /// How a connection is opened. Every setting is applied explicitly and read back, so the effective
  /// configuration never silently depends on compile-time defaults or on another process.
  public struct Options: Sendable, Equatable {
    /// SQLite's `synchronous` setting: when commits wait for the disk.
    public enum Synchronous: Int, Sendable, Equatable {
      /// Never waits: a power loss can corrupt the database.
      case off = 0
      /// In WAL mode, commits are atomic and consistent, but the last ones can roll back on power
      /// loss (they are not yet on disk).
      case normal = 1
      /// Every commit is on disk before it returns: durable across power loss.
      case full = 2
      /// FULL, plus the directory is synced when the WAL is deleted or truncated.
      case extra = 3

      var pragmaName: String {
        switch self {
        case .off: "OFF"
        case .normal: "NORMAL"
        case .full: "FULL"
        case .extra: "EXTRA"
        }
      }
    }

    /// Open without write access: writes fail with SQLITE_READONLY. For readers that tail the log.
    public var readOnly: Bool
    /// Create the file if it does not exist (ignored when read-only).
    public var createIfMissing: Bool
    /// FULL by default: an append acknowledged to a producer must survive a power loss.
    public var synchronous: Synchronous
    /// How long a call waits for another connection's lock before failing with SQLITE_BUSY. Many
    /// processes append to one log, so waiting briefly is normal; 0 fails at once.
    public var busyTimeoutMilliseconds: Int32
    public var foreignKeys: Bool

    public init(
      readOnly: Bool = false, createIfMissing: Bool = true, synchronous: Synchronous = .full,
      busyTimeoutMilliseconds: Int32 = 5_000, foreignKeys: Bool = true
    ) {
      self.readOnly = readOnly
      self.createIfMissing = createIfMissing
      self.synchronous = synchronous
      self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
      self.foreignKeys = foreignKeys
    }
  }
}
