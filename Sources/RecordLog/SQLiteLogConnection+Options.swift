import SQLiteDatabase

extension SQLiteLogConnection {
  /// How the embedded log is opened. Every setting is applied explicitly and appears in
  /// `configurationDescription`.
  public struct Options: Sendable, Equatable {
    /// FULL by default: an append that returned survives a power loss. NORMAL keeps the log
    /// consistent but may lose the last appends on power loss (not on a process crash).
    public var synchronous: Synchronous
    /// How long an append waits for another connection's write lock before failing with `busy`.
    /// Many processes append to one log and each holds the lock for one batch, so waiting is normal.
    public var busyTimeoutMilliseconds: Int32
    /// Create the file and its tables if missing; otherwise opening a missing log throws `notFound`
    /// (what a reader wants: a mistyped path should not create an empty log to wait on forever).
    public var createIfMissing: Bool

    public init(
      synchronous: Synchronous = .full, busyTimeoutMilliseconds: Int32 = 10_000, createIfMissing: Bool = true
    ) {
      self.synchronous = synchronous
      self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
      self.createIfMissing = createIfMissing
    }
  }

  /// SQLite's `synchronous` setting in WAL mode: when an append's commit waits for the disk. Our
  /// own type, so that users of the log need not import the SQLite wrapper.
  public enum Synchronous: Sendable, Equatable {
    /// Commits never wait for the disk: an operating system crash or power loss can corrupt the log.
    /// For throwaway logs only.
    case off
    /// Commits are atomic and the log stays consistent, but the last ones can be lost on power loss.
    case normal
    /// Every commit is on disk before `append` returns.
    case full
    /// FULL, and the directory is synced too when the WAL file is reset.
    case extra

    var sqliteValue: SQLiteConnection.Options.Synchronous {
      switch self {
      case .off: .off
      case .normal: .normal
      case .full: .full
      case .extra: .extra
      }
    }
  }
}
