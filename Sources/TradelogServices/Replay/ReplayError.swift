/// Why an offline replay could not run. Bad commands are not errors: they become rejection events.
public enum ReplayError: Error, CustomStringConvertible, Equatable {
  case cannotRead(path: String, reason: String)
  case cannotWrite(path: String)

  public var description: String {
    switch self {
    case .cannotRead(let path, let reason):
      "cannot read the command file \(path): \(reason). Check the path and its permissions."
    case .cannotWrite(let path):
      "cannot create \(path) for writing. Check that its directory exists and is writable."
    }
  }
}
