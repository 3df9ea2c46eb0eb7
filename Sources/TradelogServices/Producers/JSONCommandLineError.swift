/// A line of a command file that is not a command, and why.
public struct JSONCommandLineError: Error, Sendable, Equatable, CustomStringConvertible {
  public let reason: String

  public init(reason: String) {
    self.reason = reason
  }

  public var description: String { reason }
}
