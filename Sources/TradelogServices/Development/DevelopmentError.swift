/// Why `tradelog dev` stopped before it was asked to.
public struct DevelopmentError: Error, Sendable, CustomStringConvertible {
  public let message: String

  public init(message: String) {
    self.message = message
  }

  public var description: String { message }
}
