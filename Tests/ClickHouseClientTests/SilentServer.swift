#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A listening loopback socket that never accepts, reads or answers: the kernel completes the
/// connection and buffers the request, and then nothing ever comes back, like a hung server.
final class SilentServer {
  struct SocketError: Error, CustomStringConvertible {
    let call: String
    let code: Int32
    var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
  }

  /// The address to give a client, such as `http://127.0.0.1:40123`.
  let url: String
  private let socketDescriptor: Int32

  init() throws {
    #if canImport(Glibc)
      let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw SocketError(call: "socket", code: errno) }
    socketDescriptor = descriptor
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
    address.sin_port = 0  // any free port: read it back below
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { general in
        bind(descriptor, general, length) == 0 && listen(descriptor, 16) == 0
          && getsockname(descriptor, general, &length) == 0
      }
    }
    guard bound else {
      let code = errno
      close(descriptor)
      throw SocketError(call: "bind/listen", code: code)
    }
    url = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
  }

  deinit {
    close(socketDescriptor)
  }
}
